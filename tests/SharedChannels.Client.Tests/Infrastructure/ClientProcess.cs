using System.Diagnostics;
using System.Text;

namespace SharedChannels.Client.Tests.Infrastructure;

/// <summary>
/// The client as a user runs it: <c>dotnet SharedChannels.Client.dll …</c> in its own process, stdin closed (it must never
/// wait for typing), stdout and stderr captured. A run that outlives <see cref="Patience"/> is killed and fails the test.
/// </summary>
public sealed class ClientProcess : IAsyncDisposable
{
    /// <summary>Far beyond any run here; only a client stuck waiting (for a device code, say) reaches it.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _watches = [];

    private ClientProcess(Process process) => _process = process;

    public static async Task<ClientRun> RunAsync(params string[] args)
    {
        await using var client = Start(args);
        return await client.ExitAsync();
    }

    public static ClientProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SharedChannels.Client.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var client = new ClientProcess(new Process { StartInfo = start });
        client._process.OutputDataReceived += (_, e) => client.Received(client._output, e.Data);
        client._process.ErrorDataReceived += (_, e) => client.Received(client._error, e.Data);
        client._process.Start();
        client._process.StandardInput.Close();
        client._process.BeginOutputReadLine();
        client._process.BeginErrorReadLine();
        return client;
    }

    /// <summary>Waits until the client prints a line (on stdout or stderr) that <paramref name="match"/> accepts.</summary>
    public Task<string> LineAsync(Func<string, bool> match)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_watches)
        {
            var earlier = (_output + "\n" + _error).Split('\n').FirstOrDefault(match);
            if (earlier is not null) seen.SetResult(earlier);
            else _watches.Add((match, seen));
        }
        return seen.Task.WaitAsync(Patience);
    }

    public async Task<ClientRun> ExitAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        await _process.WaitForExitAsync(patience.Token);
        _process.WaitForExit();   // drains the asynchronous readers
        lock (_watches) return new ClientRun(_process.ExitCode, _output.ToString(), _error.ToString());
    }

    private void Received(StringBuilder into, string? line)
    {
        if (line is null) return;
        lock (_watches)
        {
            into.AppendLine(line);
            foreach (var watch in _watches.Where(w => w.Match(line)).ToList())
            {
                watch.Seen.TrySetResult(line);
                _watches.Remove(watch);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
