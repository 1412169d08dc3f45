using System.Security.Cryptography.X509Certificates;
using FakeEntra.Server.Hosting;

namespace FakeEntra.Server.Certificates;

/// <summary>The certificate Kestrel serves: the configured one, or the data directory's local-CA certificate.</summary>
public static class HttpsCertificate
{
    public static X509Certificate2 Resolve(FakeEntraOptions options, TextWriter console)
    {
        if (options.CertificatePath is { } path)
        {
            var certificate = options.CertificateKeyPath is { } keyPath
                ? X509Certificate2.CreateFromPemFile(path, keyPath)
                : X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword);
            console.WriteLine($"FakeEntra: HTTPS certificate {path}");
            return certificate;
        }

        var files = new DevCertificateAuthority.Files(Path.Combine(options.DataDirectory, "certs"));
        var names = options.Origin is { } origin && Uri.TryCreate(origin, UriKind.Absolute, out var uri) ? [uri.Host] : Array.Empty<string>();
        var generated = DevCertificateAuthority.EnsureServerCertificate(files, names, out var created);
        console.WriteLine(created
            ? $"FakeEntra: created a local CA and HTTPS certificate. Trust the CA so clients accept FakeEntra: {files.CaCertificate} (see certs/README.md)"
            : $"FakeEntra: HTTPS certificate signed by the local CA {files.CaCertificate}");
        return generated;
    }
}
