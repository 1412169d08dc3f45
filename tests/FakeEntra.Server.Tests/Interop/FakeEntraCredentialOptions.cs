using Azure.Core.Pipeline;
using Azure.Identity;
using FakeEntra.Server.Tests.Infrastructure;

namespace FakeEntra.Server.Tests.Interop;

/// <summary>Azure.Identity pointed at a test's FakeEntra: its origin as authority host, a transport that trusts its CA only and reaches loopback only.</summary>
public static class FakeEntraCredentialOptions
{
    public static T PointedAt<T>(this T options, FakeEntraServer server) where T : TokenCredentialOptions
    {
        options.AuthorityHost = new Uri(server.Origin);
        options.Transport = new HttpClientTransport(TrustedHttp.Handler(server.Authority));
        options.Retry.MaxRetries = 0; // a refusal is the answer under test, not a glitch to retry
        return options;
    }
}
