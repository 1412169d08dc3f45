using System.Security.Cryptography.X509Certificates;
using FakeEntra.Server.Hosting;
using FakeEntra.Testing.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FakeEntra.Testing;

/// <summary>
/// FakeEntra running inside the test process: HTTPS on a free 127.0.0.1 port with a CA of its own, a world of the test's
/// choosing, a temporary data directory (deleted on dispose) and a clock the test moves.
/// </summary>
public sealed partial class FakeEntraServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FakeEntraMsalHttpClientFactory _msalHttp;

    private FakeEntraServer(WebApplication app, string dataDirectory, FakeEntraClock clock)
    {
        _app = app;
        DataDirectory = dataDirectory;
        Time = clock;
        Origin = app.Services.GetRequiredService<PublicOrigin>().Value;
        CertificateAuthority = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(dataDirectory, "certs", "ca.crt"));
        _msalHttp = new FakeEntraMsalHttpClientFactory(CertificateAuthority);
    }

    /// <summary>Starts a server; dispose it (<c>await using</c>) to stop it and delete its data.</summary>
    public static async Task<FakeEntraServer> StartAsync(FakeEntraServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeEntraServerOptions();
        if (options.World is not null && options.ScenarioPath is not null)
            throw new ArgumentException("Give a world or a scenario file, not both.", nameof(options));
        var dataDirectory = Path.Combine(Path.GetTempPath(), "fakeentra-testing", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        ProcessTemplate.CopyTo(dataDirectory);
        var clock = new FakeEntraClock();
        try
        {
            var args = new List<string> { "--data-dir", dataDirectory, "--urls", "https://127.0.0.1:0", "--lockout", options.Lockout ? "true" : "false" };
            if (options.World is { } world)
            {
                var path = Path.Combine(dataDirectory, "world.json");
                await File.WriteAllTextAsync(path, world.ToJson(), cancellationToken);
                args.AddRange(["--scenario", path]);
            }
            else if (options.ScenarioPath is { } scenario)
            {
                args.AddRange(["--scenario", scenario]);
            }
            args.AddRange(options.Arguments);
            var app = FakeEntraHost.Build([.. args], builder =>
            {
                builder.Logging.SetMinimumLevel(options.LogLevel);
                builder.Services.AddSingleton<TimeProvider>(clock);
            });
            await app.StartAsync(cancellationToken);
            return new FakeEntraServer(app, dataDirectory, clock);
        }
        catch
        {
            DeleteDirectory(dataDirectory);
            throw;
        }
    }

    /// <summary>Where the server is reached, e.g. <c>https://127.0.0.1:41234</c>; every issuer starts with it.</summary>
    public string Origin { get; }

    /// <summary>The server's own CA: the only certificate the clients of <see cref="CreateHttpMessageHandler"/> trust.</summary>
    public X509Certificate2 CertificateAuthority { get; }

    /// <summary>The server's clock.</summary>
    public FakeEntraClock Time { get; }

    /// <summary>The temporary state (SQLite file, keys, certificates); deleted on dispose.</summary>
    public string DataDirectory { get; }

    /// <summary>The running server's services, for what this class does not cover.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The authority URL MSAL takes: <c>{origin}/{tenant}</c> (a tenant id, a domain, <c>organizations</c> or <c>common</c>).</summary>
    public string Authority(string tenant) => $"{Origin}/{tenant}";

    /// <summary>The issuer of a tenant's v2 tokens.</summary>
    public string Issuer(string tenantId) => $"{Origin}/{tenantId}/v2.0";

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _msalHttp.Dispose();
        CertificateAuthority.Dispose();
        // Pooled SQLite connections keep the state file open; close them so the directory can go.
        SqliteConnection.ClearAllPools();
        DeleteDirectory(DataDirectory);
    }

    internal static void DeleteDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still held open (e.g. by a scanner) stays behind in the temp folder; the test's outcome does not depend on it.
        }
    }
}
