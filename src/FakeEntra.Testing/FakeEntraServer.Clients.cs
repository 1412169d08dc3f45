using FakeEntra.Testing.Http;
using FakeEntra.Testing.Tokens;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;

namespace FakeEntra.Testing;

/// <summary>Clients of the server: plain HTTP, MSAL.NET, and the options of an API that validates its tokens.</summary>
public sealed partial class FakeEntraServer
{
    /// <summary>The named HttpClient <see cref="TrustFromWebApi"/> registers for Microsoft.Identity.Web's issuer validator.</summary>
    public const string HttpClientName = "FakeEntra";

    /// <summary>A new handler that trusts this server's CA and nothing else.</summary>
    public HttpMessageHandler CreateHttpMessageHandler() => CaTrustingHandler.Create(CertificateAuthority);

    /// <summary>A client of the server, its base address the origin.</summary>
    public HttpClient CreateHttpClient() => new(CreateHttpMessageHandler()) { BaseAddress = new Uri(Origin) };

    /// <summary>A public client at <paramref name="tenant"/>: authority set, instance discovery off, HTTP trusting the CA.</summary>
    public PublicClientApplicationBuilder PublicClient(string clientId, string tenant = "organizations") =>
        PublicClientApplicationBuilder.Create(clientId)
            .WithAuthority(Authority(tenant), validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(_msalHttp);

    /// <summary>A confidential client with a secret at <paramref name="tenant"/>, set up like <see cref="PublicClient"/>.</summary>
    public ConfidentialClientApplicationBuilder ConfidentialClient(string clientId, string secret, string tenant) =>
        ConfidentialClientApplicationBuilder.Create(clientId)
            .WithClientSecret(secret)
            .WithAuthority(Authority(tenant), validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(_msalHttp);

    /// <summary>
    /// The <c>AzureAd</c> section of an API under test (<c>Instance</c>, <c>TenantId</c>, <c>ClientId</c>), for
    /// <c>AddInMemoryCollection</c>; <paramref name="tenant"/> may also be <c>organizations</c> or <c>common</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string?> AzureAdConfiguration(string tenant, string clientId, string section = "AzureAd") =>
        new Dictionary<string, string?>
        {
            [$"{section}:Instance"] = Origin + "/",
            [$"{section}:TenantId"] = tenant,
            [$"{section}:ClientId"] = clientId,
        };

    /// <summary>
    /// Lets an API protected by Microsoft.Identity.Web (or JwtBearer) reach this server: metadata and keys over a handler
    /// trusting the CA, the same for the issuer validator's own HttpClient, and token lifetimes judged by <see cref="Time"/>.
    /// Call it after <c>AddMicrosoftIdentityWebApi</c>.
    /// </summary>
    public IServiceCollection TrustFromWebApi(IServiceCollection services, string scheme = JwtBearerDefaults.AuthenticationScheme)
    {
        services.Configure<JwtBearerOptions>(scheme, o =>
        {
            o.BackchannelHttpHandler = CreateHttpMessageHandler();
            o.TokenValidationParameters.LifetimeValidator = ClockLifetime.Validator(Time);
        });
        services.Configure<AadIssuerValidatorOptions>(o => o.HttpClientName = HttpClientName);
        services.AddHttpClient(HttpClientName).ConfigurePrimaryHttpMessageHandler(CreateHttpMessageHandler);
        return services;
    }

    /// <summary>Plain JwtBearer (without Microsoft.Identity.Web) for one tenant's v2 tokens and one audience.</summary>
    public void ConfigureJwtBearer(JwtBearerOptions options, string tenantId, string audience)
    {
        options.Authority = Issuer(tenantId);
        options.Audience = audience;
        options.BackchannelHttpHandler = CreateHttpMessageHandler();
        options.TokenValidationParameters.LifetimeValidator = ClockLifetime.Validator(Time);
    }
}
