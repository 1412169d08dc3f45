using System.Globalization;
using System.Text.Json.Nodes;

namespace FakeEntra.Bench;

/// <summary>
/// The default world grown to <c>tenants</c> extra organizations of <c>users</c> users each (all with the development
/// password), and a partner configuration at Contoso for every one of them: the scale the issue measures.
/// </summary>
public static class ScaleWorld
{
    private const string Contoso = "6a89cd33-4bf7-4174-9b3b-8ed777182b4e";

    /// <summary>The default world with <paramref name="users"/> more users in Contoso.</summary>
    public static string WriteContoso(string directory, int users)
    {
        var world = DefaultWorld();
        var contoso = world["tenants"]!.AsArray().Single(t => (string?)t!["organization"]!["id"] == Contoso)!["users"]!.AsArray();
        for (var u = 0; u < users; u++)
            contoso.Add(new JsonObject
            {
                ["id"] = Id(3, 0, u),
                ["userPrincipalName"] = $"member{u.ToString(CultureInfo.InvariantCulture)}@contoso.com",
                ["displayName"] = $"Member {u}",
                ["userType"] = "Member",
                ["passwordProfile"] = new JsonObject { ["password"] = "Passw0rd!" },
            });
        return Save(directory, $"contoso-{users}.json", world);
    }

    public static string Write(string directory, int tenants, int users)
    {
        var world = DefaultWorld();
        var list = world["tenants"]!.AsArray();
        var contosoPartners = list.Single(t => (string?)t!["organization"]!["id"] == Contoso)!["crossTenantAccessPolicy"]!["partners"]!.AsArray();
        for (var t = 0; t < tenants; t++)
        {
            var id = Id(1, t, 0);
            var domain = $"scale{t.ToString(CultureInfo.InvariantCulture)}.example.com";
            var people = new JsonArray();
            for (var u = 0; u < users; u++)
                people.Add(new JsonObject
                {
                    ["id"] = Id(2, t, u),
                    ["userPrincipalName"] = $"user{u.ToString(CultureInfo.InvariantCulture)}@{domain}",
                    ["displayName"] = $"User {u} of {domain}",
                    ["userType"] = "Member",
                    ["passwordProfile"] = new JsonObject { ["password"] = "Passw0rd!" },
                });
            list.Add(new JsonObject
            {
                ["organization"] = new JsonObject
                {
                    ["id"] = id,
                    ["displayName"] = $"Scale {t}",
                    ["verifiedDomains"] = new JsonArray(new JsonObject { ["name"] = domain, ["isInitial"] = true, ["isDefault"] = true }),
                },
                ["users"] = people,
            });
            contosoPartners.Add(new JsonObject
            {
                ["tenantId"] = id,
                ["b2bDirectConnectInbound"] = new JsonObject
                {
                    ["usersAndGroups"] = Targets("allowed", "AllUsers", "user"),
                    ["applications"] = Targets("allowed", "AllApplications", "application"),
                },
            });
        }
        return Save(directory, $"scale-{tenants}x{users}.json", world);
    }

    private static JsonObject DefaultWorld() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scenarios", "default.json")))!.AsObject();

    private static string Save(string directory, string name, JsonObject world)
    {
        var path = Path.Combine(directory, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(path, world.ToJsonString());
        return path;
    }

    private static JsonObject Targets(string access, string target, string type) => new()
    {
        ["accessType"] = access,
        ["targets"] = new JsonArray(new JsonObject { ["target"] = target, ["targetType"] = type }),
    };

    // Readable, stable ids: kind, tenant and user number in the last groups.
    private static string Id(int kind, int tenant, int user) =>
        $"5ca1e000-{kind:x4}-4000-8000-{tenant:x6}{user:x6}";
}
