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

    /// <summary>For MSAL; <paramref name="headers"/> are added to every request, as a proxy adds tenant restrictions.</summary>
    public sealed class MsalFactory(X509Certificate2 authority, IReadOnlyDictionary<string, string>? headers = null) : IMsalHttpClientFactory
    {
        private readonly HttpClient _client = new(headers is null ? Handler(authority) : new HeaderHandler(headers, Handler(authority)));

        public HttpClient GetHttpClient() => _client;
    }

    private sealed class HeaderHandler(IReadOnlyDictionary<string, string> headers, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
