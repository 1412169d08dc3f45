using System.Security.Cryptography.X509Certificates;

namespace FakeEntra.Server.Certificates;

/// <summary>
/// Kestrel builds the server certificate's chain before it listens, and the first chain build of a process reads the whole
/// system trust store (about a tenth of a second). Building it once on another thread while the world loads takes that read
/// off the path to the first token; the store stays cached for Kestrel's own build.
/// </summary>
public static class SystemTrustWarmUp
{
    public static void Start(X509Certificate2 certificate) => _ = Task.Run(() =>
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.Build(certificate);
    });
}
