using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Web;
using FakeEntra.Server.Hosting;
using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace FakeEntra.Server.Tests.Fuzz;

/// <summary>A form's anti-forgery token and the Cookie header (<c>fakeentra.antiforgery=…</c>) of the browser it was given to.</summary>
public sealed record FormToken(string Token, string Cookie);

/// <summary>A sign-in page's state as the server handed it out: posts that carry it reach the step's own checks.</summary>
public sealed record SignInPageState(string Tenant, string Step, string Ctx, FormToken Form);

/// <summary>
/// Real credentials taken from the fuzz server before the run (tokens, a code, a device code, the sign-in pages' states,
/// a session cookie), so that generated requests get past the first checks and reach the parsing and decisions behind them.
/// </summary>
public sealed record FuzzArtifacts
{
    public const string RedirectUri = "http://localhost:5050/";
    public const string FilesScope = "api://b6c7cace-ed66-497d-814d-480a90eb0bac/Files.ReadWrite";
    public const string ContosoAdminApp = "0f3b8c42-6a1e-4d8e-9b5a-1c2d3e4f5a01";
    public const string ContosoAdminSecret = "FakeEntra~Admin~Contoso";

    /// <summary>App-only Graph tokens of the FakeEntra Admin apps (Contoso, Fabrikam).</summary>
    public required IReadOnlyList<string> AdminGraphTokens { get; init; }
    /// <summary>alice's delegated Graph token (a Global Administrator with every Graph scope the client has).</summary>
    public required string UserGraphToken { get; init; }
    /// <summary>Tokens of other kinds: alice's for the Shared Channels API, her ID token, the daemon's app token.</summary>
    public required IReadOnlyList<string> OtherTokens { get; init; }
    public required string IdToken { get; init; }
    public required string RefreshToken { get; init; }
    public required string Code { get; init; }
    public required string CodeVerifier { get; init; }
    public required string DeviceCode { get; init; }
    public required string UserCode { get; init; }
    public required IReadOnlyList<SignInPageState> SignInPages { get; init; }
    /// <summary>A Cookie header with a session of two accounts (alice at Contoso, carol at Fabrikam).</summary>
    public required string SessionCookie { get; init; }
    /// <summary>The device code entry's form token, so that code guesses reach the code check.</summary>
    public required FormToken DeviceLoginForm { get; init; }

    public IEnumerable<string> AllTokens => [.. AdminGraphTokens, UserGraphToken, IdToken, .. OtherTokens];

    public static async Task<FuzzArtifacts> HarvestAsync(FakeEntraServer server)
    {
        using var http = server.CreateClient();
        var admins = new[]
        {
            await GraphClients.AdminAppToken(server, World.Contoso, ContosoAdminApp, ContosoAdminSecret),
            await GraphClients.AdminAppToken(server, World.Fabrikam, "0f3b8c42-6a1e-4d8e-9b5a-1c2d3e4f5a02", "FakeEntra~Admin~Fabrikam"),
        };
        var graph = await Token(http, ("grant_type", "password"), ("client_id", World.Client), ("username", "alice@contoso.com"), ("password", World.Password),
            ("scope", "openid profile email offline_access https://graph.microsoft.com/.default"));
        var api = await Token(http, ("grant_type", "password"), ("client_id", World.Client), ("username", "alice@contoso.com"), ("password", World.Password),
            ("scope", World.SharedChannelsScope));
        var daemon = await Token(http, ("grant_type", "client_credentials"), ("client_id", World.Daemon), ("client_secret", World.DaemonSecret), ("scope", World.SharedChannelsDefault));

        var pages = new List<SignInPageState>();
        Action<Page> SeenBy(Browser browser) => page =>
        {
            if (page.Step is { } step && page.FormAction is { } action && page.Fields.TryGetValue("ctx", out var ctx))
                pages.Add(new(action.Trim('/').Split('/')[0], step, ctx, FormOf(server, browser, page)));
        };

        using var alice = new Browser(server) { StopAt = RedirectUri };
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var done = await PrivacyConsent.Answer(alice, await alice.Get(Authorize(server, World.Contoso, $"openid profile offline_access {World.SharedChannelsScope}") +
            $"&code_challenge={challenge}&code_challenge_method=S256"), "alice@contoso.com", SeenBy(alice));
        var code = HttpUtility.ParseQueryString(done.Url.Query)["code"] ?? throw new InvalidOperationException($"alice got no code: {done.Url}");
        await PrivacyConsent.Answer(alice, await alice.Get(Authorize(server, World.Fabrikam, "openid") + "&prompt=login"), "carol@fabrikam.com", SeenBy(alice));
        SeenBy(alice)(await alice.Get(Authorize(server, World.Contoso, "openid")));

        using var bob = new Browser(server) { StopAt = RedirectUri };
        await PrivacyConsent.Answer(bob, await bob.Get(Authorize(server, World.Contoso, World.SharedChannelsScope)), "bob@fabrikam.com", SeenBy(bob));
        using var bobDevice = new Browser(server) { StopAt = RedirectUri };
        await PrivacyConsent.Answer(bobDevice, await bobDevice.Get(Authorize(server, World.Contoso, FilesScope)), "bob@fabrikam.com", SeenBy(bobDevice));

        var device = await Json(await http.PostAsync($"/{World.Contoso}/oauth2/v2.0/devicecode",
            new FormUrlEncodedContent([new("client_id", World.Client), new("scope", $"openid offline_access {World.SharedChannelsScope}")])));
        using var person = new Browser(server);
        var codeEntry = await person.Get($"{server.Origin}/devicelogin");
        var entry = await person.Submit(codeEntry, ("otc", device.GetProperty("user_code").GetString()!));
        SeenBy(person)(await person.SignIn(entry, "alice@contoso.com", World.Password));

        return new FuzzArtifacts
        {
            AdminGraphTokens = admins,
            UserGraphToken = graph.GetProperty("access_token").GetString()!,
            IdToken = graph.GetProperty("id_token").GetString()!,
            RefreshToken = graph.GetProperty("refresh_token").GetString()!,
            OtherTokens = [api.GetProperty("access_token").GetString()!, daemon.GetProperty("access_token").GetString()!],
            Code = code,
            CodeVerifier = verifier,
            DeviceCode = device.GetProperty("device_code").GetString()!,
            UserCode = device.GetProperty("user_code").GetString()!,
            SignInPages = [.. pages.DistinctBy(p => p.Step)],
            SessionCookie = string.Join("; ", alice.CookieHeader(server.Origin).Split("; ").Where(c => c.StartsWith(FakeEntra.Server.SignInPages.SessionCookie.Name + "=", StringComparison.Ordinal))),
            DeviceLoginForm = FormOf(server, person, codeEntry),
        };
    }

    private static FormToken FormOf(FakeEntraServer server, Browser browser, Page page) => new(
        page.Fields[FormProtection.FieldName],
        string.Join("; ", browser.CookieHeader(server.Origin).Split("; ").Where(c => c.StartsWith(FormProtection.CookieName + "=", StringComparison.Ordinal))));

    private static string Authorize(FakeEntraServer server, string tenant, string scope) =>
        $"{server.Origin}/{tenant}/oauth2/v2.0/authorize?client_id={World.Client}&response_type=code&redirect_uri={Uri.EscapeDataString(RedirectUri)}" +
        $"&scope={Uri.EscapeDataString(scope)}&state=fuzz";

    private static async Task<JsonElement> Token(HttpClient http, params (string Name, string Value)[] form) =>
        await Json(await http.PostAsync($"/{World.Contoso}/oauth2/v2.0/token", new FormUrlEncodedContent(form.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)))));

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Harvesting credentials for the fuzz run failed: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
