using System.Net;
using System.Security.Cryptography.X509Certificates;
using FakeEntra.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FakeEntra.Server.Tests.Infrastructure;

/// <summary>A real FakeEntra on Kestrel, HTTPS on 127.0.0.1 with a free port, its own data directory and a movable clock.</summary>
public sealed class FakeEntraServer : IAsyncLifetime
{
    private WebApplication? _app;

    /// <summary>A scenario file instead of the built-in world.</summary>
    public string? Scenario { get; init; }
    public bool Reset { get; init; }
    /// <summary>More command-line switches, e.g. <c>--lockout false</c>.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];
    /// <summary>More host configuration after the tests' own (the fuzz run adds a logger that keeps the server's errors).</summary>
    public Action<WebApplicationBuilder>? Configure { get; init; }
    public string DataDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "fakeentra-tests", Guid.NewGuid().ToString("N"));
    public TestClock Clock { get; } = new();
    public string Origin { get; private set; } = "";
    public X509Certificate2 Authority { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var args = new List<string> { "--data-dir", DataDirectory, "--urls", "https://127.0.0.1:0" };
        if (Scenario is not null) args.AddRange(["--scenario", Scenario]);
        if (Reset) args.Add("--reset");
        args.AddRange(Arguments);
        _app = FakeEntraHost.Build([.. args], builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddSingleton<TimeProvider>(Clock);
            Configure?.Invoke(builder);
        });
        await _app.StartAsync();
        Origin = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Authority = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(DataDirectory, "certs", "ca.crt"));
    }

    /// <summary>The running server's services, for tests that read the store or change the directory as an admin would.</summary>
    public IServiceProvider Services => _app!.Services;

    /// <summary>A client of the server; <paramref name="from"/> connects from another loopback address, i.e. another source.</summary>
    public HttpClient CreateClient(IPAddress? from = null) => new(TrustedHttp.Handler(Authority, from)) { BaseAddress = new Uri(Origin) };

    public TrustedHttp.MsalFactory MsalHttp(IReadOnlyDictionary<string, string>? headers = null) => new(Authority, headers);

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
