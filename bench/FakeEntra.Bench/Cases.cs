using System.Text;

namespace FakeEntra.Bench;

/// <summary>One measured request: a path and the wrk script that sends it; <see cref="Target"/> is the share of the ceiling.</summary>
public sealed record BenchCase(string Name, string Path, string Script, double? Target = null);

/// <summary>The requests measured, all against the default world (its fixed ids, secrets and passwords).</summary>
public static class Cases
{
    public const string Token = "/contoso.com/oauth2/v2.0/token";
    public const string Client = "13e7214c-6687-4074-86ae-bf38154aaef1";
    public const string Password = "Passw0rd!";
    public const string ChannelsScope = "api://fcac6b54-23d1-4161-ab28-3ab64be2a67d/Channels.ReadWrite";
    public const string FilesScope = "api://b6c7cace-ed66-497d-814d-480a90eb0bac/Files.ReadWrite";
    public const string ClientCredentialsForm =
        "grant_type=client_credentials&client_id=3ecf7814-4a1a-42fc-91a7-b5dfa2b60f7f&client_secret=Daemon~Secret~0001&scope=api://fcac6b54-23d1-4161-ab28-3ab64be2a67d/.default";
    public const string GraphAdminForm =
        "grant_type=client_credentials&client_id=0f3b8c42-6a1e-4d8e-9b5a-1c2d3e4f5a01&client_secret=FakeEntra~Admin~Contoso&scope=https://graph.microsoft.com/.default";

    // bob's compliant FAB-LAPTOP-01: Contoso trusts Fabrikam's compliant-device claim, which its Files API policy requires.
    private const string BobLaptop = "ac900416-06e0-4805-8c85-ad88f36a98e4";

    // Each token request asks for one resource without openid: one access token (one signature), as the ceiling signs one.
    public static IReadOnlyList<BenchCase> Steady(string refreshToken, string graphToken) =>
    [
        new("client credentials", Token, Post(ClientCredentialsForm), 0.85),
        new("password grant, same tenant (alice)", Token, Post(PasswordForm("alice@contoso.com", ChannelsScope)), 0.75),
        new("password grant, cross-tenant (bob, direct connect, device trusted)", Token,
            Post(PasswordForm("bob@fabrikam.com", FilesScope) + $"&fakeentra_device_id={BobLaptop}&fakeentra_privacy_consent=accept"), 0.60),
        new("refresh token (AT + rolled RT)", Token, Post($"grant_type=refresh_token&client_id={Client}&refresh_token={refreshToken}&scope={Escape(ChannelsScope)}")),
        new("discovery document", "/contoso.com/v2.0/.well-known/openid-configuration", Get()),
        new("JWKS", "/contoso.com/discovery/v2.0/keys", Get()),
        new("Graph read (GET /v1.0/users?$top=10)", "/v1.0/users?$top=10", Get(("Authorization", $"Bearer {graphToken}"))),
    ];

    /// <summary>Code redemption: each request redeems the next of the codes minted beforehand (a code is single use).</summary>
    public static BenchCase CodeRedemption(string codesFile) => new(
        "authorization code redemption (PKCE)",
        Token,
        $$"""
        local codes = {}
        for line in io.lines({{Lua(codesFile)}}) do codes[#codes + 1] = line end
        local index = 0
        local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
        request = function()
          index = index + 1
          return wrk.format("POST", {{Lua(Token)}}, headers, {{Lua(CodeMinter.RedemptionForm(""))}} .. codes[index])
        end
        """,
        0.75);

    public static string PasswordForm(string username, string scope) =>
        $"grant_type=password&client_id={Client}&username={Escape(username)}&password={Escape(Password)}&scope={Escape(scope)}";

    public static string Escape(string value) => Uri.EscapeDataString(value);

    private static string Post(string form) =>
        $"wrk.method = \"POST\"\nwrk.body = {Lua(form)}\nwrk.headers[\"Content-Type\"] = \"application/x-www-form-urlencoded\"\n";

    private static string Get(params (string Name, string Value)[] headers)
    {
        var script = new StringBuilder("wrk.method = \"GET\"\n");
        foreach (var (name, value) in headers) script.Append($"wrk.headers[ {Lua(name)} ] = {Lua(value)}\n"); // spaced: "[[" would open a long string
        return script.ToString();
    }

    // A Lua long string: no escapes to get wrong, and none of our values holds "]==]".
    private static string Lua(string value) => $"[==[{value}]==]";
}
