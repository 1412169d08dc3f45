using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using FakeEntra.Server.Certificates;

namespace FakeEntra.Bench;

/// <summary>A FakeEntra process on a free loopback port.</summary>
public sealed class Server : IAsyncDisposable
{
    private readonly Process _process;

    private Server(Process process, string origin, X509Certificate2 authority)
    {
        _process = process;
        Origin = origin;
        Authority = authority;
    }

    public string Origin { get; }
    public X509Certificate2 Authority { get; }

    /// <summary>Starts a server pinned to <paramref name="cpu"/> and waits until it issues a token.</summary>
    public static async Task<Server> Start(string dll, string dataDirectory, int cpu, params string[] extra)
    {
        var (server, _) = await StartTimed(dll, dataDirectory, cpu, extra);
        return server;
    }

    /// <summary>Milliseconds from process start to the first client-credentials token; the server is stopped after.</summary>
    public static async Task<double> TimeToFirstToken(string dll, string dataDirectory)
    {
        var (server, elapsed) = await StartTimed(dll, dataDirectory, cpu: null);
        await server.DisposeAsync();
        return elapsed;
    }

    /// <summary>Process start to the first token on <paramref name="scenario"/>'s world, and the process's peak resident memory.</summary>
    public static async Task<(double Milliseconds, long PeakBytes)> Load(string dll, string dataDirectory, string scenario)
    {
        var (server, elapsed) = await StartTimed(dll, dataDirectory, cpu: null, "--scenario", scenario);
        await using (server) return (elapsed, server.PeakResidentBytes());
    }

    // VmHWM: the most resident memory the process ever had (Linux).
    private long PeakResidentBytes() =>
        File.ReadLines($"/proc/{_process.Id}/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024).Single();

    // The server runs as a user runs it (its own console output included); only the pinning is the bench's.
    private static async Task<(Server, double)> StartTimed(string dll, string dataDirectory, int? cpu, params string[] extra)
    {
        var port = FreePort();
        var origin = $"https://127.0.0.1:{port}";
        var start = new ProcessStartInfo(cpu is null ? "dotnet" : "taskset") { RedirectStandardOutput = true, RedirectStandardError = true };
        var pinning = cpu is null ? [] : new[] { "-c", cpu.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "dotnet" };
        foreach (var arg in pinning.Concat([dll, "--data-dir", dataDirectory, "--urls", origin, .. extra])) start.ArgumentList.Add(arg);
        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var caPath = Path.Combine(dataDirectory, "certs", "ca.crt");
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"FakeEntra exited with {process.ExitCode}");
            if (File.Exists(caPath))
            {
                try
                {
                    var authority = X509CertificateLoader.LoadCertificateFromFile(caPath);
                    using var http = new HttpClient(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = CertificateTrust.Trusting(authority) } })
                    {
                        BaseAddress = new Uri(origin),
                    };
                    await Requests.Token(http, Cases.ClientCredentialsForm);
                    return (new Server(process, origin, authority), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (Exception e) when (e is HttpRequestException or IOException or System.Security.Cryptography.CryptographicException)
                {
                    // not listening yet
                }
            }
            await Task.Delay(10);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
