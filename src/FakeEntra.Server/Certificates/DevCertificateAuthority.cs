using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FakeEntra.Server.Storage;

namespace FakeEntra.Server.Certificates;

/// <summary>
/// A local CA and a server certificate it signs, kept in <c>{data}/certs</c>: clients trust the CA once
/// (MSAL insists on HTTPS), and the server certificate can be re-issued without asking them again. Both keys are ECDSA P-256:
/// made in a millisecond at a first start (an RSA key takes a hundred or more), and cheaper TLS handshakes for every client.
/// </summary>
public static class DevCertificateAuthority
{
    public static readonly IReadOnlyList<string> DefaultNames = ["localhost", "127.0.0.1", "::1", "fakeentra"];

    public sealed record Files(string Directory)
    {
        public string CaCertificate => Path.Combine(Directory, "ca.crt");
        public string CaKey => Path.Combine(Directory, "ca.key");
        public string ServerPfx => Path.Combine(Directory, "server.pfx");
        public string ServerCertificate => Path.Combine(Directory, "server.crt");
    }

    /// <summary>The server certificate, creating the CA and/or the certificate when missing, expiring or lacking a name.</summary>
    public static X509Certificate2 EnsureServerCertificate(Files files, IEnumerable<string> names, out bool created)
    {
        Directory.CreateDirectory(files.Directory);
        // Private keys written by a version that left them readable to others.
        OwnerOnly.Restrict(files.CaKey);
        OwnerOnly.Restrict(files.ServerPfx);
        var wanted = DefaultNames.Concat(names).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        created = false;
        if (File.Exists(files.ServerPfx))
        {
            var existing = X509CertificateLoader.LoadPkcs12FromFile(files.ServerPfx, null, X509KeyStorageFlags.Exportable);
            if (existing.NotAfter > DateTime.Now.AddDays(7) && wanted.All(n => Covers(existing, n))) return existing;
            existing.Dispose();
        }

        using var ca = LoadOrCreateAuthority(files);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost, O=FakeEntra", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in wanted)
            if (IPAddress.TryParse(name, out var ip)) san.AddIpAddress(ip);
            else san.AddDnsName(name);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        using var signed = request.Create(ca.SubjectName, SignatureGenerator(ca), now.AddDays(-1), now.AddDays(397), RandomNumberGenerator.GetBytes(16));
        using var withKey = signed.CopyWithPrivateKey(key);
        OwnerOnly.WriteAllBytes(files.ServerPfx, withKey.Export(X509ContentType.Pfx));
        File.WriteAllText(files.ServerCertificate, withKey.ExportCertificatePem() + "\n" + ca.ExportCertificatePem() + "\n");
        created = true;
        return X509CertificateLoader.LoadPkcs12FromFile(files.ServerPfx, null, X509KeyStorageFlags.Exportable);
    }

    private static X509Certificate2 LoadOrCreateAuthority(Files files)
    {
        if (File.Exists(files.CaCertificate) && File.Exists(files.CaKey))
            return X509Certificate2.CreateFromPemFile(files.CaCertificate, files.CaKey);

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=FakeEntra Local Development CA, O=FakeEntra", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        using var ca = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        File.WriteAllText(files.CaCertificate, ca.ExportCertificatePem() + "\n");
        OwnerOnly.WriteAllText(files.CaKey, key.ExportPkcs8PrivateKeyPem() + "\n");
        return X509Certificate2.CreateFromPemFile(files.CaCertificate, files.CaKey);
    }

    // A data directory made by an earlier version keeps its RSA CA (clients trust it): it goes on signing, with PKCS#1 as before.
    private static X509SignatureGenerator SignatureGenerator(X509Certificate2 ca) => ca.GetRSAPrivateKey() is { } rsa
        ? X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1)
        : X509SignatureGenerator.CreateForECDsa(ca.GetECDsaPrivateKey() ?? throw new InvalidOperationException($"The CA certificate has neither an RSA nor an ECDSA key."));

    private static bool Covers(X509Certificate2 certificate, string name) =>
        certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Any(san =>
            IPAddress.TryParse(name, out var ip) ? san.EnumerateIPAddresses().Contains(ip) : san.EnumerateDnsNames().Contains(name, StringComparer.OrdinalIgnoreCase));
}
