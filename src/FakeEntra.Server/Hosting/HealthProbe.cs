using System.Security.Cryptography.X509Certificates;
using FakeEntra.Server.Certificates;

namespace FakeEntra.Server.Hosting;

/// <summary>
/// <c>FakeEntra.Server --healthcheck [url]</c>: exits 0 when /healthz answers 200. For container health checks,
/// where no curl exists; it trusts the data directory's local CA, as a client would.
/// </summary>
public static class HealthProbe
{
    public const string Switch = "--healthcheck";

    public static async Task<int> RunAsync(string[] args)
    {
        var url = args.SkipWhile(a => a != Switch).Skip(1).FirstOrDefault() ?? FakeEntraHost.DefaultUrl;
        var dataDirectory = Environment.GetEnvironmentVariable("FakeEntra__DataDirectory") ?? FakeEntraOptions.DefaultDataDirectory();
        var caPath = Path.Combine(dataDirectory, "certs", "ca.crt");
        var handler = new SocketsHttpHandler();
        if (File.Exists(caPath))
        {
            handler.SslOptions.RemoteCertificateValidationCallback = CertificateTrust.Trusting(X509CertificateLoader.LoadCertificateFromFile(caPath));
        }
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            var response = await http.GetAsync(new Uri(new Uri(url), "/healthz"));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"FakeEntra health check failed: {e.Message}");
            return 1;
        }
    }
}
