using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Playwright;

namespace FakeEntra.Server.Tests.Infrastructure;

/// <summary>
/// Headless Debian Chromium driven by Playwright, trusting exactly one FakeEntra's server key. Without Chromium a test is
/// skipped, except in CI (where .ci/run installs it).
/// </summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static void SkipUnlessInstalled()
    {
        var inCi = Environment.GetEnvironmentVariable("CI") is { Length: > 0 };
        Skip.If(!File.Exists(Path) && !inCi, $"{Path} is not installed (apt-get install chromium); .ci/run installs it.");
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, string dataDirectory) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Path,
        Headless = true,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync",
            // Trust exactly FakeEntra's server key (certificate pinning by SPKI), not certificates in general.
            $"--ignore-certificate-errors-spki-list={ServerKeyPin(dataDirectory)}",
        ],
    });

    private static string ServerKeyPin(string dataDirectory)
    {
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(System.IO.Path.Combine(dataDirectory, "certs", "server.pfx"), null);
        return Convert.ToBase64String(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));
    }
}
