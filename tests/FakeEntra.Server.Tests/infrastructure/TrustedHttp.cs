using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using FakeEntra.Server.Certificates;
using Microsoft.Identity.Client;

namespace FakeEntra.Server.Tests.Infrastructure;

/// <summary>HTTP clients that trust FakeEntra's local CA explicitly (full chain validation, no switch-off) and reach loopback only.</summary>
public static class TrustedHttp
{
    public static HttpMessageHandler Handler(X509Certificate2 authority) => new LoopbackOnlyHandler(Primary(authority));

    /// <summary>The innermost handler, for APIs that want a primary handler of their own.</summary>
    public static SocketsHttpHandler Primary(X509Certificate2 authority) => new()
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = CertificateTrust.Trusting(authority),
        },
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    public sealed class MsalFactory(X509Certificate2 authority) : IMsalHttpClientFactory
    {
        private readonly HttpClient _client = new(Handler(authority));

        public HttpClient GetHttpClient() => _client;
    }
}
