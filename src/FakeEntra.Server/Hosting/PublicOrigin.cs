using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace FakeEntra.Server.Hosting;

/// <summary>
/// The origin every issuer and endpoint URL is built from: configured, or the first HTTPS address the server bound.
/// Never the request's Host header, so a token's issuer does not depend on how the client reached the server.
/// </summary>
public sealed class PublicOrigin(IOptions<FakeEntraOptions> options, IServer server)
{
    private string? _value;

    public string Value => _value ??= Compute();

    private string Compute()
    {
        if (options.Value.Origin is { Length: > 0 } configured) return configured.TrimEnd('/');
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
                      ?? throw new InvalidOperationException("The server has bound no address yet.");
        var uri = new UriBuilder(address);
        // A wildcard binding names no host a client could use.
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "+" or "*") uri.Host = "localhost";
        return uri.Uri.GetLeftPart(UriPartial.Authority);
    }
}
