using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace FakeEntra.Server.Certificates;

/// <summary>Validation that trusts one CA explicitly: the whole chain and the host name are still checked.</summary>
public static class CertificateTrust
{
    public static RemoteCertificateValidationCallback Trusting(X509Certificate2 authority) => (_, certificate, _, errors) =>
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    };
}
