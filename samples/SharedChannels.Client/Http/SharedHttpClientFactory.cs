using Microsoft.Identity.Client;

namespace SharedChannels.Client.Http;

/// <summary>Gives MSAL the client's own HttpClient, so its calls to FakeEntra trust the same CA as everything else.</summary>
public sealed class SharedHttpClientFactory(HttpClient client) : IMsalHttpClientFactory
{
    public HttpClient GetHttpClient() => client;
}
