namespace FakeEntra.Server.Tests.Fuzz;

/// <summary><c>/{tenant}/oauth2/v2.0/logout</c>, GET and POST: where to return, whose ID token, which account, with and without a session.</summary>
public sealed class LogoutFamily(FuzzArtifacts artifacts) : IFuzzFamily
{
    private const string Route = "/{tenant}/oauth2/v2.0/logout";

    public string Name => "logout";
    public int Weight => 7;

    public FuzzCase Next(Random random)
    {
        var (tenantKind, tenant) = TenantSegments.Pick(random);
        var path = $"/{tenant}/oauth2/v2.0/logout";
        var notes = new List<string> { tenantKind };
        var returnTo = random.Chance(0.6) ? FuzzArtifacts.RedirectUri
            : random.Pick(["http://localhost:5050/\u00e9", "http://localhost:5050/#f", "http://localhost:5050/#\u00e9", "http://\u00e9@localhost:5050/", "https://evil.example/", "http://localhost:5050/?x=\u00fc"]);
        if (returnTo != FuzzArtifacts.RedirectUri) notes.Add($"post_logout_redirect_uri {returnTo}");
        List<(string Key, string Value)> parameters = [("post_logout_redirect_uri", returnTo)];
        if (random.Chance(0.6)) parameters.Add(("client_id", random.Chance(0.8) ? World.Client : HostileText.OddGuid(random)));
        if (random.Chance(0.5))
        {
            var (kind, hint) = random.Chance(0.5) ? ("real id_token_hint", artifacts.IdToken) : BearerTokens.Odd(random, artifacts.IdToken);
            parameters.Add(("id_token_hint", hint));
            notes.Add(kind);
        }
        if (random.Chance(0.3)) parameters.Add(("logout_hint", random.Chance(0.5) ? Users.Pick(random) : HostileText.Any(random).Value));
        if (random.Chance(0.5)) parameters.Add(("state", random.Chance(0.7) ? "fuzz-state" : HostileText.Any(random).Value));
        var headers = random.Chance(0.4) ? new[] { KeyValuePair.Create("Cookie", artifacts.SessionCookie) } : [];
        if (headers.Length > 0) notes.Add("with a session");
        var request = random.Chance(0.6)
            ? FormRequests.Get(random, path, $"GET {Route}", parameters, headers)
            : FormRequests.Post(random, path, $"POST {Route}", parameters, headers);
        return request with { Input = string.Join("; ", [.. notes, request.Input]) };
    }
}
