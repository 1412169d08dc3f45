namespace FakeEntra.Server.Tests.Fuzz;

/// <summary>
/// The public reads: discovery and JWKS under odd tenant segments, home realm discovery, userinfo with every kind of bearer
/// token, the health, error and start pages, odd methods, and paths no route maps.
/// </summary>
public sealed class MetadataFamily(FuzzArtifacts artifacts) : IFuzzFamily
{
    private static readonly string[] Unmapped =
    [
        "/%00", "/..%2f..%2fetc%2fpasswd", "/.well-known/openid-configuration", "/common/oauth2/authorize", "/common/v2.0/.well-known/openid-configuration/x",
        "/common/discovery/keys", "/v1.0", "/v1.0/", "/v1.0/$metadata", "/v1.0/me", "/fakeentra", "/%ED%A0%80", "/favicon.ico", "//", "/a/b/c/d/e/f/g",
    ];

    public string Name => "metadata";
    public int Weight => 9;

    public FuzzCase Next(Random random)
    {
        var (tenantKind, tenant) = TenantSegments.Pick(random);
        switch (random.Next(8))
        {
            case 0:
                return Get(random, $"/{tenant}/v2.0/.well-known/openid-configuration", "GET /{tenant}/v2.0/.well-known/openid-configuration", tenantKind, [("appid", World.Client)]);
            case 1:
                return Get(random, $"/{tenant}/discovery/v2.0/keys", "GET /{tenant}/discovery/v2.0/keys", tenantKind, [("appid", World.Client)]);
            case 2:
                var (upnKind, upn) = random.Chance(0.6) ? ("user", Users.Pick(random)) : HostileText.Any(random);
                return Get(random, $"/common/userrealm/{Uri.EscapeDataString(upn)}", "GET /common/userrealm/{upn}", upnKind, [("api-version", "2.1")]);
            case 3:
            case 4:
                var (header, kind) = BearerTokens.Header(random, artifacts.UserGraphToken, [.. artifacts.AllTokens], realShare: 0.3);
                var method = random.Chance(0.7) ? "GET" : "POST";
                return new FuzzCase
                {
                    Method = method,
                    Target = "/oidc/userinfo",
                    Route = $"{method} /oidc/userinfo",
                    Input = kind.Length > 0 ? kind : "alice's Graph token",
                    Headers = header is null ? [] : [new("Authorization", header)],
                    Body = method == "POST" && random.Chance(0.5) ? System.Text.Encoding.UTF8.GetBytes("access_token=" + artifacts.UserGraphToken) : null,
                    ContentType = method == "POST" ? "application/x-www-form-urlencoded" : null,
                };
            case 5:
                var page = random.Pick(["/healthz", "/error", "/"]);
                return Get(random, page, $"GET {page}", "", [("code", random.Pick(["50076", "0", "-1", "99999999999"]))]);
            case 6:
                var odd = random.Pick(["HEAD", "OPTIONS", "TRACE", "PUT", "DELETE", "PROPFIND", "GETT"]);
                return new FuzzCase { Method = odd, Target = $"/{tenant}/v2.0/.well-known/openid-configuration", Route = $"{odd} /{{tenant}}/v2.0/.well-known/openid-configuration", Input = tenantKind };
            default:
                var path = random.Pick(Unmapped);
                return new FuzzCase { Method = random.Pick(["GET", "POST"]), Target = path, Route = "unmapped path", Input = path };
        }
    }

    private static FuzzCase Get(Random random, string path, string route, string kind, IReadOnlyList<(string, string)> parameters)
    {
        var request = FormRequests.Get(random, path, route, parameters);
        return request with { Input = kind.Length > 0 ? $"{kind}; {request.Input}" : request.Input };
    }
}
