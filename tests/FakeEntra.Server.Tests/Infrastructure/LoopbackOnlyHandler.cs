using System.Net;

namespace FakeEntra.Server.Tests.Infrastructure;

/// <summary>Fails any request that would leave the machine: tests talk to loopback only.</summary>
public sealed class LoopbackOnlyHandler : DelegatingHandler
{
    public LoopbackOnlyHandler(HttpMessageHandler inner) : base(inner) { }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var host = request.RequestUri?.Host ?? "";
        var loopback = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        if (!loopback) throw new InvalidOperationException($"A test tried to reach {request.RequestUri}; tests may only use loopback.");
        return base.SendAsync(request, cancellationToken);
    }
}
