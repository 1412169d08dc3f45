namespace FakeEntra.Server.Tests.Fuzz;

/// <summary><c>/{tenant}/oauth2/v2.0/authorize</c>, GET and POST, with and without a session: every parameter of an authorization request.</summary>
public sealed class AuthorizeFamily(FuzzArtifacts artifacts) : IFuzzFamily
{
    private const string Route = "/{tenant}/oauth2/v2.0/authorize";
    private static readonly string[] RedirectUris =
    [
        FuzzArtifacts.RedirectUri, "http://localhost", "http://127.0.0.1:7/", "http://localhost:5050/#fragment", "http://localhost:5050/#\u00e9", "http://localhost:5050/\u00e9\u00e8",
        "http://localhost:5050/?a=\u00fc", "http://\u00e9@localhost:5050/", "http://localhost:5050/#\u00e9\r\nx: y",
    ];

    public string Name => "authorize";
    public int Weight => 12;

    public FuzzCase Next(Random random)
    {
        var (tenantKind, tenant) = TenantSegments.Pick(random);
        var path = $"/{tenant}/oauth2/v2.0/authorize";
        var redirectUri = random.Chance(0.7) ? FuzzArtifacts.RedirectUri : random.Pick(RedirectUris);
        List<(string Key, string Value)> parameters =
        [
            ("client_id", random.Chance(0.85) ? World.Client : random.Pick([World.Daemon, World.SharedChannelsApi, HostileText.OddGuid(random)])),
            ("response_type", random.Chance(0.8) ? "code" : random.Pick(["id_token", "code id_token", "token", "code token", "none", ""])),
            ("redirect_uri", redirectUri),
            ("scope", Scopes.Pick(random)),
            ("state", random.Chance(0.8) ? "fuzz-state" : HostileText.Any(random).Value),
        ];
        if (random.Chance(0.3)) parameters.Add(("nonce", "n-" + random.Next()));
        if (random.Chance(0.3)) parameters.AddRange([("code_challenge", random.Chance(0.7) ? new string('c', 43) : "short"), ("code_challenge_method", random.Pick(["S256", "plain", "s256", "RS256"]))]);
        if (random.Chance(0.3)) parameters.Add(("prompt", random.Pick(["none", "login", "select_account", "consent", "create", "none login"])));
        if (random.Chance(0.25)) parameters.Add(("login_hint", Users.Pick(random)));
        if (random.Chance(0.1)) parameters.Add(("domain_hint", random.Pick(["contoso.com", "organizations", "x"])));
        if (random.Chance(0.2)) parameters.Add(("response_mode", random.Pick(["query", "fragment", "form_post", "web_message", "QUERY"])));
        if (random.Chance(0.05)) parameters.Add(("redeem", HostileText.OddGuid(random)));
        // With the session of two accounts, the silent and account-picking paths run too.
        var headers = random.Chance(0.3) ? new[] { KeyValuePair.Create("Cookie", artifacts.SessionCookie) } : [];
        var session = headers.Length > 0 ? "; with a session" : "";
        var request = random.Chance(0.6)
            ? FormRequests.Get(random, path, $"GET {Route}", parameters, headers)
            : FormRequests.Post(random, path, $"POST {Route}", parameters, headers);
        var redirect = redirectUri == FuzzArtifacts.RedirectUri ? "" : $"; redirect_uri {redirectUri}";
        return request with { Input = $"{tenantKind}{session}{redirect}; {request.Input}" };
    }
}
