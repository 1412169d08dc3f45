using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace SharedChannels.Api.Hosting;

/// <summary>
/// The HTTP handler for every call to the identity provider (metadata, keys, tokens, directory). Against Entra the system's
/// trust store is all it needs; a development identity provider (FakeEntra) names its own CA in
/// <c>IdentityProvider:CaCertificatePath</c>, which is then trusted, with the full chain and host name still checked.
/// </summary>
public static class IdentityProviderTrust
{
    public const string HttpClientName = "IdentityProvider";

    public static SocketsHttpHandler CreateHandler(IConfiguration configuration)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (configuration["IdentityProvider:CaCertificatePath"] is { Length: > 0 } path)
        {
            var authority = X509CertificateLoader.LoadCertificateFromFile(path);
            handler.SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = Trusting(authority) };
        }
        return handler;
    }

    private static RemoteCertificateValidationCallback Trusting(X509Certificate2 authority) => (_, certificate, _, errors) =>
    {
        if (errors == SslPolicyErrors.None) return true;
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    };
}
