using System.Text.Json.Nodes;

namespace FakeEntra.Server.Tests.Infrastructure;

/// <summary>The built-in world's scenario file with additions a test needs, written to a temporary file for a server of its own.</summary>
public static class DefaultWorldWith
{
    public static string Write(Action<JsonObject> change)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FakeEntra.sln"))) dir = dir.Parent;
        var source = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("FakeEntra.sln not found above the test binaries."), "samples", "scenarios", "default.json");
        var world = JsonNode.Parse(File.ReadAllText(source))!.AsObject();
        change(world);
        var path = Path.Combine(Path.GetTempPath(), "fakeentra-tests", $"world-{Guid.NewGuid():N}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, world.ToJsonString());
        return path;
    }

    /// <summary>A tenant of the world by its organization id.</summary>
    public static JsonObject Tenant(JsonObject world, string tenantId) =>
        world["tenants"]!.AsArray().Select(t => t!.AsObject()).Single(t => (string?)t["organization"]!["id"] == tenantId);
}
