using FakeEntra.Server.Hosting;
using FakeEntra.Server.Tests.Infrastructure;

namespace FakeEntra.Server.Tests.Fuzz;

/// <summary>
/// The sign-in pages' posts to <c>/{tenant}/login</c>: each step's fields, carried by a real page state (so the step's own
/// checks run) or by an odd one, with a session now and then.
/// </summary>
public sealed class SignInFormFamily(FuzzArtifacts artifacts) : IFuzzFamily
{
    private const string Route = "/{tenant}/login";

    public string Name => "sign-in pages";
    public int Weight => 12;

    public FuzzCase Next(Random random)
    {
        var page = artifacts.SignInPages.Count > 0 && random.Chance(0.85) ? random.Pick(artifacts.SignInPages) : null;
        var step = page?.Step ?? random.Pick(["username", "password", "mfa", "privacy", "device", "device-identity", "pick"]);
        var (tenantKind, tenant) = page is not null && random.Chance(0.85) ? ("page's tenant", page.Tenant) : TenantSegments.Pick(random);
        string ctx;
        string ctxKind;
        if (page is not null && random.Chance(0.8)) (ctx, ctxKind) = (page.Ctx, $"{step} page state");
        else (ctxKind, ctx) = BearerTokens.Odd(random, page?.Ctx ?? "CfDJ8garbage");
        // Mostly the anti-forgery pair of the browser the page went to, so that the post reaches the step.
        var form = page?.Form ?? random.Pick(artifacts.SignInPages.Select(p => p.Form).DefaultIfEmpty(new FormToken("", "")).ToList());
        var forged = random.Chance(0.1);
        List<(string Key, string Value)> parameters =
            [("ctx", ctx), ("step", random.Chance(0.9) ? step : HostileText.Any(random).Value), .. Fields(random, step), .. forged ? [] : new[] { (FormProtection.FieldName, form.Token) }];
        var session = random.Chance(0.3);
        var cookies = string.Join("; ", new[] { forged ? null : form.Cookie, session ? artifacts.SessionCookie : null }.OfType<string>());
        var headers = cookies.Length > 0 ? new[] { KeyValuePair.Create("Cookie", cookies) } : [];
        var request = FormRequests.Post(random, $"/{tenant}/login", $"POST {Route} ({step})", parameters, headers);
        return request with { Input = $"{tenantKind}; {ctxKind}{(session ? "; with a session" : "")}{(forged ? "; without its anti-forgery token" : "")}; {request.Input}" };
    }

    /// <summary>What a person fills in on the step's page: mostly plausible answers, right or wrong.</summary>
    private static IEnumerable<(string, string)> Fields(Random random, string step) => step switch
    {
        "username" => [("login", Users.Pick(random))],
        "password" => random.Chance(0.1) ? [("back", "1")] : [("login", Users.Pick(random)), ("passwd", random.Chance(0.6) ? World.Password : "wrong")],
        "mfa" => [("otc", random.Pick(["000000", random.Next(1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture), "12345", " 123456 ", "abcdef"]))],
        "device-identity" => [("device", random.Pick([PrivacyConsent.Laptop, "25f4ff4e-afdc-450d-b07a-d02aa0a2e3b0", "none", Guid.Empty.ToString("D"), "laptop"]))],
        "privacy" => [("consent", random.Pick(["yes", "no", "maybe", ""]))],
        "device" => [("confirm", random.Pick(["yes", "no", "YES", ""]))],
        "pick" => [("account", random.Pick(["0", "1", "2", "other", "-1", "99999999999", "1.0"]))],
        _ => [],
    };
}
