using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace FakeEntra.Server.Tests.Infrastructure;

/// <summary>FakeEntra as users run it: a separate process (the executable or the installed tool) whose console the test reads.</summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Receive(e.Data);
        _process.ErrorDataReceived += (_, e) => Receive(e.Data);
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException($"FakeEntra exited before listening:\n{Output}"));
        _process.EnableRaisingEvents = true;
    }

    public string DataDirectory { get; private init; } = "";
    public string Origin { get; private set; } = "";
    public string Output => string.Join('\n', _lines);

    /// <summary>
    /// Starts <paramref name="fileName"/> (with <paramref name="arguments"/>, a free port and <paramref name="dataDirectory"/>, by
    /// default a new temporary one) and waits for its summary.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(string fileName, IEnumerable<string> arguments, IEnumerable<string>? more = null, string? dataDirectory = null)
    {
        var data = dataDirectory ?? Path.Combine(Path.GetTempPath(), "fakeentra-tests", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(fileName);
        foreach (var argument in arguments.Concat(["--data-dir", data, "--urls", "https://127.0.0.1:0"]).Concat(more ?? [])) start.ArgumentList.Add(argument);
        var server = new ServerProcess(start) { DataDirectory = data };
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            server.Origin = await server._listening.Task.WaitAsync(timeout.Token);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>The server's own executable, as the Dockerfile runs it.</summary>
    public static Task<ServerProcess> StartExecutableAsync(params string[] more) =>
        StartAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "FakeEntra.Server.dll")], more);

    /// <summary>The executable on a data directory that already exists (a restart, an upgrade).</summary>
    public static Task<ServerProcess> StartExecutableOnAsync(string dataDirectory, params string[] more) =>
        StartAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "FakeEntra.Server.dll")], more, dataDirectory);

    public X509Certificate2 Authority => X509CertificateLoader.LoadCertificateFromFile(Path.Combine(DataDirectory, "certs", "ca.crt"));

    public HttpClient CreateClient() => new(TrustedHttp.Handler(Authority)) { BaseAddress = new Uri(Origin) };

    /// <summary>Waits until a console line satisfies <paramref name="match"/> (console output is asynchronous).</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_lines.FirstOrDefault(match) is { } line) return line;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No matching console line. The console said:\n{Output}");
    }

    /// <summary>The summary arrives line by line: the origin comes first, but the server counts as started only at its last line.</summary>
    private void Receive(string? line)
    {
        if (line is null) return;
        _lines.Enqueue(line);
        if (ListeningLine().Match(line) is { Success: true } match) _origin = match.Groups[1].Value;
        else if (_origin is { } origin && line.StartsWith(SummaryEnd, StringComparison.Ordinal)) _listening.TrySetResult(origin);
    }

    private const string SummaryEnd = "One line per sign-in decision follows";
    private string? _origin;

    [GeneratedRegex(@"^FakeEntra is listening on (\S+)$")]
    private static partial Regex ListeningLine();

    /// <summary>Kills the process at once (SIGKILL on Unix: no shutdown code runs), as a crash would end it.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await KillAsync();
        _process.Dispose();
    }

    private bool _disposed;
}
