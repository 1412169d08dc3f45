using System.Diagnostics;
using System.Reflection;
using FakeEntra.Server.Hosting;
using FakeEntra.Server.Tests.Infrastructure;

namespace FakeEntra.Server.Tests;

/// <summary>
/// FakeEntra as people outside this repository get it: packed as the .NET tool `fakeentra`, installed from a local package folder
/// (a nuget.config that clears every other source, its own packages folder so no stale copy is used: no network), and run.
/// </summary>
public class GlobalToolTests
{
    [Fact]
    public async Task The_packed_tool_installs_from_a_local_folder_lists_every_option_and_serves()
    {
        var work = Path.Combine(Path.GetTempPath(), "fakeentra-tests", $"tool-{Guid.NewGuid():N}");
        var packages = Directory.CreateDirectory(Path.Combine(work, "packages")).FullName;
        var tools = Path.Combine(work, "tools");
        var config = Path.Combine(work, "nuget.config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources><clear /><add key="local" value="{packages}" /></packageSources>
            </configuration>
            """);
        var configuration = typeof(GlobalToolTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

        // The server project is already built for this test run: pack that build, without restoring.
        await Run("dotnet", work, "pack", ServerProject(), "-c", configuration, "--no-build", "--no-restore", "-o", packages);
        await Run("dotnet", work, "tool", "install", "--tool-path", tools, "--configfile", config, "FakeEntra");
        var fakeentra = Path.Combine(tools, OperatingSystem.IsWindows() ? "fakeentra.exe" : "fakeentra");

        var help = await Run(fakeentra, work, "--help");
        foreach (var option in CommandLine.SwitchMappings.Keys.Concat(["--urls", "--verbose", "--lockout", "--lockout-threshold", "--lockout-duration", "--healthcheck"]))
            Assert.Contains(option, help);

        await using var server = await ServerProcess.StartAsync(fakeentra, []);
        using var http = server.CreateClient();
        Assert.True((await http.GetAsync("/healthz")).IsSuccessStatusCode);
    }

    private static string ServerProject()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var project = Path.Combine(directory.FullName, "src", "FakeEntra.Server", "FakeEntra.Server.csproj");
            if (File.Exists(project)) return project;
        }
        throw new InvalidOperationException("src/FakeEntra.Server/FakeEntra.Server.csproj not found above the test output.");
    }

    /// <summary>Runs a command in <paramref name="directory"/> with NuGet's caches there too; returns its output, failing on a non-zero exit.</summary>
    private static async Task<string> Run(string fileName, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["NUGET_PACKAGES"] = Path.Combine(directory, "nuget-cache");
        start.Environment["NUGET_HTTP_CACHE_PATH"] = Path.Combine(directory, "nuget-http-cache");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        Assert.True(process.ExitCode == 0, $"{fileName} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await output}\n{await error}");
        return await output;
    }
}
