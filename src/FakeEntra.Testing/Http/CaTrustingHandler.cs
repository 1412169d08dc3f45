using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using FakeEntra.Server.Certificates;

namespace FakeEntra.Testing.Http;

/// <summary>HTTP handlers that trust one CA and nothing else: full chain and host name validation, no switch-off.</summary>
internal static class CaTrustingHandler
{
    public static SocketsHttpHandler Create(X509Certificate2 authority) => new()
    {
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = CertificateTrust.Trusting(authority) },
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };
}
