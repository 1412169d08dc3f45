using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Errors;
using FakeEntra.Core.Tenancy;
using FakeEntra.Core.Tokens;

namespace FakeEntra.Server.SignInPages;

/// <summary>A refusal that, once the redirect URI is known to be the app's, goes back to the app rather than to a page.</summary>
public sealed class AuthorizeRedirectException(AadError error, AuthorizeRequest request) : Exception(error.ToString())
{
    public AadError Error { get; } = error;
    public AuthorizeRequest Request { get; } = request;
}

/// <summary>A validated authorization request, in the order Entra checks it: tenant, client, redirect URI (page errors), then the rest (redirected errors).</summary>
public sealed record AuthorizeRequest
{
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }
    public required TenantPath Path { get; init; }
    public required Application Client { get; init; }
    public required string RedirectUri { get; init; }
    public required bool ReturnsCode { get; init; }
    public required bool ReturnsIdToken { get; init; }
    /// <summary><c>query</c>, <c>fragment</c> or <c>form_post</c>.</summary>
    public required string ResponseMode { get; init; }
    public string Scope => Get("scope") ?? "";
    public string? State => Get("state");
    public string? Nonce => Get("nonce");
    public string? CodeChallenge => Get("code_challenge");
    public string? CodeChallengeMethod => CodeChallenge is null ? null : Get("code_challenge_method") ?? "plain";
    public string? Prompt => Get("prompt");
    public string? LoginHint => Get("login_hint");
    public string? DomainHint => Get("domain_hint");

    private string? Get(string name) => Parameters.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    private static readonly string[] ResponseModes = ["query", "fragment", "form_post"];

    public static AuthorizeRequest Parse(IReadOnlyDictionary<string, string> parameters, string tenant, DirectorySnapshot directory, string origin)
    {
        var path = TenantPathResolver.Resolve(tenant, directory);
        var get = (string name) => parameters.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
        var tenantName = path.Tenant?.DisplayName ?? path.Segment;
        var clientId = get("client_id") ?? throw new AadException(AadErrors.MissingRequiredParameter("client_id"));
        var client = (Guid.TryParse(clientId, out var appId) ? directory.FindApplication(appId) : null)
                     ?? throw new AadException(AadErrors.AppNotFound(clientId, tenantName));
        var redirectUri = get("redirect_uri") ?? RedirectUris.Registered(client, origin).FirstOrDefault()
                          ?? throw new AadException(AadErrors.MissingRequiredParameter("redirect_uri"));
        if (RedirectUris.HasFragment(redirectUri)) throw new AadException(AadErrors.RedirectUriWithFragment(client.AppId));
        if (!RedirectUris.IsRegistered(client, redirectUri, origin)) throw new AadException(AadErrors.RedirectUriNotRegistered(redirectUri, client.AppId));

        var responseType = (get("response_type") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var returnsCode = responseType.Remove("code");
        var returnsIdToken = responseType.Remove("id_token");
        var mode = get("response_mode") ?? (returnsIdToken ? "fragment" : "query");
        var request = new AuthorizeRequest
        {
            Parameters = parameters,
            Path = path,
            Client = client,
            RedirectUri = redirectUri,
            ReturnsCode = returnsCode,
            ReturnsIdToken = returnsIdToken,
            // An unusable mode still needs somewhere to send the error: the default.
            ResponseMode = ResponseModes.Contains(mode) ? mode : returnsIdToken ? "fragment" : "query",
        };
        var fail = (AadError error) => new AuthorizeRedirectException(error, request);

        if (!ResponseModes.Contains(mode)) throw fail(AadErrors.ResponseModeNotSupported(mode));
        if (get("response_type") is null) throw fail(AadErrors.MissingRequiredParameter("response_type"));
        if (responseType.Count > 0) throw fail(AadErrors.ResponseTypeNotSupported(string.Join(' ', responseType)));
        if (returnsIdToken && mode == "query") throw fail(AadErrors.QueryModeWithToken());
        if (returnsIdToken && !client.Web.ImplicitGrantSettings.EnableIdTokenIssuance) throw fail(AadErrors.IdTokenNotEnabled());
        if (returnsIdToken && request.Nonce is null) throw fail(AadErrors.MissingRequiredParameter("nonce"));
        if (get("scope") is not { } scope) throw fail(AadErrors.MissingRequiredParameter("scope"));
        try
        {
            ScopeRequest.Parse(scope);
        }
        catch (AadException e)
        {
            throw fail(e.Error);
        }
        if (request.CodeChallenge is { } challenge)
        {
            if (request.CodeChallengeMethod is not ("S256" or "plain")) throw fail(AadErrors.CodeChallengeMethodNotValid());
            if (request.CodeChallengeMethod == "plain" && !client.HasSecrets) throw fail(AadErrors.CodeChallengeMethodNotValid());
            if (challenge.Length is < 43 or > 128) throw fail(AadErrors.CodeChallengeNotValid());
        }
        return request;
    }
}
