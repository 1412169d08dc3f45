using FakeEntra.Testing;
using WireMock.Server;
using WireMock.Settings;

namespace SharedChannels.Tests.Infrastructure;

/// <summary>
/// WireMock.Net standing in for FakeEntra on loopback HTTPS, serving FakeEntra's own certificate, so the API trusts it exactly
/// as it trusts FakeEntra (by the configured CA) and nothing in the API changes for the test.
/// </summary>
public static class TrustedWireMock
{
    public static WireMockServer Start(FakeEntraServer idp) => WireMockServer.Start(new WireMockServerSettings
    {
        UseSSL = true,
        CertificateSettings = new WireMockCertificateSettings
        {
            // By path: WireMock logs its settings with Newtonsoft.Json, which reads X509Certificate2.PrivateKey, and that legacy
            // property throws for the ECDSA key FakeEntra's certificate has.
            X509CertificateFilePath = Path.Combine(idp.DataDirectory, "certs", "server.pfx"),
        },
    });

    /// <summary>The server's origin on 127.0.0.1 (the certificate names it), e.g. <c>https://127.0.0.1:40123</c>.</summary>
    public static string Origin(this WireMockServer server) => $"https://127.0.0.1:{server.Ports[0]}";
}
