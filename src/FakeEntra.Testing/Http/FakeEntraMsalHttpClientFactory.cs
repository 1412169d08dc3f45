using System.Security.Cryptography.X509Certificates;
using Microsoft.Identity.Client;

namespace FakeEntra.Testing.Http;

/// <summary>MSAL's HTTP client for one server: trusts that server's CA only; one client shared by every MSAL app of the test.</summary>
internal sealed class FakeEntraMsalHttpClientFactory(X509Certificate2 authority) : IMsalHttpClientFactory, IDisposable
{
    private readonly HttpClient _client = new(CaTrustingHandler.Create(authority));

    public HttpClient GetHttpClient() => _client;

    public void Dispose() => _client.Dispose();
}
