using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Errors;
using FakeEntra.Core.Tenancy;
using FakeEntra.Server.Hosting;
using Microsoft.Extensions.Primitives;

namespace FakeEntra.Server.Token;

/// <summary>One token request: its form parameters, the tenant its path names, and the directory it is judged against.</summary>
public sealed class TokenRequest
{
    private readonly IFormCollection _form;
    private IQueryCollection _query = QueryCollection.Empty;

    private TokenRequest(IFormCollection form, TenantPath path, DirectorySnapshot directory, string origin, (string Id, string Secret)? basic, DateTimeOffset now)
    {
        _form = form;
        Path = path;
        Directory = directory;
        Origin = origin;
        Basic = basic;
        Now = now;
    }

    public TenantPath Path { get; }
    public DirectorySnapshot Directory { get; }
    public string Origin { get; }
    public DateTimeOffset Now { get; }
    public Issuance Issuance => new(Directory, Origin, Now);
    /// <summary>MSAL sends <c>client_info=1</c> to get the home account ids back.</summary>
    public bool WantsClientInfo => this["client_info"] == "1";
    /// <summary>Client id and secret from an HTTP Basic header (client_secret_basic).</summary>
    public (string Id, string Secret)? Basic { get; }

    public string? this[string name] => _form.TryGetValue(name, out var values) && values.FirstOrDefault() is { Length: > 0 } value ? value : null;

    /// <summary>A FakeEntra parameter: from the form, or from the query string where MSAL's extra query parameters put it.</summary>
    public string? FormOrQuery(string name) => this[name] ?? (_query.TryGetValue(name, out var values) && values.FirstOrDefault() is { Length: > 0 } value ? value : null);

    public Guid CorrelationId { get; private init; }

    /// <summary>Where the request came from (smart lockout counts per source).</summary>
    public IPAddress? ClientAddress { get; private init; }

    /// <summary>The request's headers (tenant restrictions arrive as one).</summary>
    public IHeaderDictionary Headers { get; private init; } = new HeaderDictionary();

    public string Required(string name) => this[name] ?? throw new AadException(AadErrors.MissingRequiredParameter(name));

    public static async Task<TokenRequest> ReadAsync(HttpContext context, TenantPath path, DirectorySnapshot directory, string origin, TimeProvider clock)
    {
        // A body that is not a form counts as one without parameters, as Entra treats it.
        var form = await Parameters.ReadFormAsync(context.Request);
        return new TokenRequest(form, path, directory, origin, ReadBasic(context.Request.Headers.Authorization), clock.GetUtcNow())
        {
            _query = context.Request.Query,
            Headers = context.Request.Headers,
            ClientAddress = context.Connection.RemoteIpAddress,
            CorrelationId = RequestIds.Of(context).CorrelationId,
        };
    }

    /// <summary>
    /// A token request FakeEntra makes of itself (its admin console redeeming a code), judged as any other: it carries the
    /// browser request's source and headers (tenant restrictions come from the browser's network).
    /// </summary>
    public static TokenRequest FromServer(HttpContext context, TenantPath path, DirectorySnapshot directory, string origin, TimeProvider clock, IDictionary<string, StringValues> form) =>
        new(new FormCollection(new Dictionary<string, StringValues>(form, StringComparer.Ordinal)), path, directory, origin, null, clock.GetUtcNow())
        {
            Headers = context.Request.Headers,
            ClientAddress = context.Connection.RemoteIpAddress,
            CorrelationId = RequestIds.Of(context).CorrelationId,
        };

    private static (string, string)? ReadBasic(StringValues header)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value) || !"Basic".Equals(value.Scheme, StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter ?? ""));
            var colon = decoded.IndexOf(':');
            if (colon < 0) throw new AadException(AadErrors.Malformed());
            // RFC 6749 §2.3.1: both parts are form-urlencoded before encoding.
            return (Uri.UnescapeDataString(decoded[..colon].Replace('+', ' ')), Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' ')));
        }
        catch (FormatException)
        {
            throw new AadException(AadErrors.Malformed());
        }
    }
}
