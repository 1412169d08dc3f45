using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace SharedChannels.Client.Http;

/// <summary>
/// HTTPS that trusts the system's roots and, besides them, one local CA (FakeEntra's, which also signs a local API's
/// certificate in the walkthrough). The host name is always checked; nothing switches validation off.
/// </summary>
public static class LocalCaTrust
{
    public static SocketsHttpHandler Handler(X509Certificate2? authority) => new()
    {
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, certificate, _, errors) => Accepts(authority, certificate, errors) },
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    /// <summary>The CA file, or null when it does not exist and the user did not name it (then only the system's roots count).</summary>
    public static X509Certificate2? Load(string path, bool named)
    {
        if (!named && !File.Exists(path)) return null;
        try
        {
            return X509CertificateLoader.LoadCertificateFromFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new ClientFailure($"cannot read the CA certificate {path}: {e.Message}");
        }
    }

    private static bool Accepts(X509Certificate2? authority, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None) return true;
        if (authority is null || certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
