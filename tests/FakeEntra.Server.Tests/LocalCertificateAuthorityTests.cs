using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FakeEntra.Server.Certificates;

namespace FakeEntra.Server.Tests;

/// <summary>
/// The data directory's local CA and the server certificate it signs: ECDSA P-256 when FakeEntra makes them, and a CA made by
/// an earlier version (RSA) keeps signing when the server certificate is re-issued, so clients that trust it go on trusting.
/// </summary>
public class LocalCertificateAuthorityTests
{
    private static DevCertificateAuthority.Files NewFiles() =>
        new(Path.Combine(Path.GetTempPath(), "fakeentra-tests", Guid.NewGuid().ToString("N"), "certs"));

    [Fact]
    public void A_new_data_directory_gets_an_ECDSA_CA_and_a_server_certificate_it_signs_for_the_default_names()
    {
        var files = NewFiles();
        using var server = DevCertificateAuthority.EnsureServerCertificate(files, [], out var created);
        using var ca = X509Certificate2.CreateFromPemFile(files.CaCertificate, files.CaKey);

        Assert.True(created);
        Assert.NotNull(ca.GetECDsaPublicKey());
        Assert.Equal(256, ca.GetECDsaPublicKey()!.KeySize);
        Assert.NotNull(server.GetECDsaPrivateKey());
        Assert.True(ChainsTo(server, ca));
        var names = server.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["localhost", "fakeentra"], names.EnumerateDnsNames());
        Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback], names.EnumerateIPAddresses());
    }

    [Fact]
    public void A_server_certificate_that_covers_every_name_is_kept()
    {
        var files = NewFiles();
        using var first = DevCertificateAuthority.EnsureServerCertificate(files, ["fakeentra.test"], out _);
        using var again = DevCertificateAuthority.EnsureServerCertificate(files, ["fakeentra.test"], out var created);

        Assert.False(created);
        Assert.Equal(first.Thumbprint, again.Thumbprint);
    }

    [Fact]
    public void An_RSA_CA_of_an_earlier_version_signs_the_certificate_reissued_for_a_new_name()
    {
        var files = NewFiles();
        Directory.CreateDirectory(files.Directory);
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=FakeEntra Local Development CA, O=FakeEntra", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            using var old = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
            File.WriteAllText(files.CaCertificate, old.ExportCertificatePem());
            File.WriteAllText(files.CaKey, key.ExportPkcs8PrivateKeyPem());
        }
        var caBefore = File.ReadAllText(files.CaCertificate);

        using var server = DevCertificateAuthority.EnsureServerCertificate(files, ["fakeentra.test"], out var created);
        using var ca = X509Certificate2.CreateFromPemFile(files.CaCertificate, files.CaKey);

        Assert.True(created);
        Assert.Equal(caBefore, File.ReadAllText(files.CaCertificate));
        Assert.NotNull(ca.GetRSAPublicKey());
        Assert.True(ChainsTo(server, ca));
        Assert.Contains("fakeentra.test", server.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames());
    }

    private static bool ChainsTo(X509Certificate2 certificate, X509Certificate2 authority)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
