using System.Diagnostics;

namespace FakeEntra.Bench;

/// <summary>
/// The server as the Docker image ships it: published ReadyToRun (framework-dependent, for this machine's runtime), with the
/// Dockerfile's publish options. Its own code and its packages (EF Core above all) start precompiled instead of being JIT-compiled
/// at start. The bench's build output is the form <c>dotnet run</c> starts, without ReadyToRun.
/// </summary>
public static class ReadyToRun
{
    /// <summary>Publishes the server under the bench's output folder (incremental on later runs) and returns its assembly.</summary>
    public static async Task<string> Publish()
    {
        var project = Path.Combine(RepositoryRoot(), "src", "FakeEntra.Server", "FakeEntra.Server.csproj");
        var output = Path.Combine(AppContext.BaseDirectory, "server-ready-to-run");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "publish", project, "-c", "Release", "--use-current-runtime", "-p:PublishReadyToRun=true", "-o", output, "-v", "q", "--nologo" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}): {await stdout}{await stderr}");
        return Path.Combine(output, "FakeEntra.Server.dll");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "FakeEntra.sln"))) return directory.FullName;
        throw new InvalidOperationException($"no FakeEntra.sln above {AppContext.BaseDirectory}");
    }
}
