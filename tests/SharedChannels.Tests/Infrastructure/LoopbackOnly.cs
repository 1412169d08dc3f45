using System.Net;

namespace SharedChannels.Tests.Infrastructure;

/// <summary>Fails any request that would leave the machine: these tests talk to loopback only.</summary>
public sealed class LoopbackOnly(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var host = request.RequestUri?.Host ?? "";
        if (!host.Equals("localhost", StringComparison.OrdinalIgnoreCase) && !(IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)))
            throw new InvalidOperationException($"A test tried to reach {request.RequestUri}; tests may only use loopback.");
        return base.SendAsync(request, cancellationToken);
    }
}
