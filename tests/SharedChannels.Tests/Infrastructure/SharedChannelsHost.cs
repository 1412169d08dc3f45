using FakeEntra.Testing;
using FakeEntra.Testing.World;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using SharedChannels.Api;

namespace SharedChannels.Tests.Infrastructure;

/// <summary>
/// FakeEntra and the Shared Channels API as real HTTPS hosts on loopback. The API is configured as its README says (only the
/// instance changed, FakeEntra's CA trusted by path, FakeEntra's certificate served), so a client process started by a test
/// can use <see cref="ApiOrigin"/>, <see cref="IdpOrigin"/> and <see cref="CaCertificatePath"/> exactly as a person would.
/// </summary>
public sealed class SharedChannelsHost : IAsyncDisposable
{
    private readonly string _dataDirectory;
    private WebApplication? _api;

    private SharedChannelsHost(FakeEntraServer idp, string dataDirectory)
    {
        Idp = idp;
        _dataDirectory = dataDirectory;
    }

    public FakeEntraServer Idp { get; }

    public string IdpOrigin => Idp.Origin;

    /// <summary>FakeEntra's CA: it signed both servers' HTTPS certificates and is all a client needs to trust.</summary>
    public string CaCertificatePath => Path.Combine(Idp.DataDirectory, "certs", "ca.crt");

    /// <summary>The API's origin, e.g. <c>https://127.0.0.1:41235</c>.</summary>
    public string ApiOrigin { get; private set; } = "";

    /// <summary>The API's SQLite file.</summary>
    public string DatabasePath => Path.Combine(_dataDirectory, "shared-channels.db");

    public IServiceProvider ApiServices => _api?.Services ?? throw new InvalidOperationException("The API is not running.");

    /// <summary>Starts FakeEntra (the built-in world unless <paramref name="idp"/> says otherwise) and the API.</summary>
    /// <param name="settings">API settings over the defaults below, e.g. a WireMock address for the directory.</param>
    public static async Task<SharedChannelsHost> StartAsync(FakeEntraServerOptions? idp = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var server = await FakeEntraServer.StartAsync(idp);
        var data = Path.Combine(Path.GetTempPath(), "shared-channels-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var host = new SharedChannelsHost(server, data);
        try
        {
            await host.StartApiAsync(settings);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>The API's configuration for these servers: what the README's walkthrough passes on the command line.</summary>
    public Dictionary<string, string?> ApiSettings(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureAd:Instance"] = Idp.Origin + "/",
            ["AzureAd:TenantId"] = DefaultWorld.Contoso,
            ["AzureAd:ClientId"] = DefaultWorld.SharedChannelsApi,
            ["IdentityProvider:CaCertificatePath"] = CaCertificatePath,
            ["Directory:GraphBaseUrl"] = Idp.Origin,
            ["Directory:ClientId"] = ContosoAdminApp,
            ["Directory:ClientSecret"] = ContosoAdminSecret,
            ["ConnectionStrings:SharedChannels"] = $"Data Source={DatabasePath}",
            ["Kestrel:Endpoints:Https:Url"] = "https://127.0.0.1:0",
            ["Kestrel:Endpoints:Https:Certificate:Path"] = Path.Combine(Idp.DataDirectory, "certs", "server.pfx"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }

    /// <summary>(Re)starts the API on the same database, e.g. to show its state survives a restart.</summary>
    public async Task StartApiAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        await StopApiAsync();
        var api = SharedChannelsApi.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(ApiSettings(settings));
            // Both servers keep one time, so a test that moves FakeEntra's clock sees its tokens expire at the API.
            builder.Services.AddSingleton<TimeProvider>(Idp.Time);
            builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme,
                o => o.TokenValidationParameters.LifetimeValidator = ByClock(Idp.Time));
        });
        await api.StartAsync();
        _api = api;
        ApiOrigin = api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public async Task StopApiAsync()
    {
        if (_api is null) return;
        await _api.DisposeAsync();
        _api = null;
    }

    /// <summary>An HTTP client of the API trusting FakeEntra's CA, on loopback only.</summary>
    public HttpClient CreateApiClient() => new(new LoopbackOnly(Idp.CreateHttpMessageHandler())) { BaseAddress = new Uri(ApiOrigin) };

    /// <summary>Contoso's "FakeEntra Admin" app: Graph application permissions to read the directory.</summary>
    public const string ContosoAdminApp = "0f3b8c42-6a1e-4d8e-9b5a-1c2d3e4f5a01";
    public const string ContosoAdminSecret = "FakeEntra~Admin~Contoso";

    /// <summary>Lifetime by the shared clock, failing with the same exceptions (and so the same explanations) as the default check.</summary>
    private static LifetimeValidator ByClock(TimeProvider clock) => (notBefore, expires, _, parameters) =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (notBefore is { } nbf && nbf > now + parameters.ClockSkew) throw new SecurityTokenNotYetValidException($"The token is not valid before {nbf:o}.") { NotBefore = nbf };
        if (expires is { } exp && exp < now - parameters.ClockSkew) throw new SecurityTokenExpiredException($"The token expired at {exp:o}.") { Expires = exp };
        return true;
    };

    public async ValueTask DisposeAsync()
    {
        await StopApiAsync();
        await Idp.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open stays in the temp folder; no test depends on its removal.
        }
    }
}
