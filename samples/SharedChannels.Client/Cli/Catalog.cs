namespace SharedChannels.Client.Cli;

/// <summary>An option: <c>--name VALUE</c> (or <c>--name=VALUE</c>), or a flag when <see cref="Value"/> is null.</summary>
public sealed record OptionSpec(string Name, string? Value, string Description);

/// <summary>A command: its positional arguments and what it does.</summary>
public sealed record CommandSpec(string Name, string Arguments, string Description);

/// <summary>Every command and option of the client, from which both the parser and <c>--help</c> are made.</summary>
public static class Catalog
{
    public const string DefaultFakeEntra = "https://localhost:5443";
    public const string DefaultApi = "https://localhost:7443";
    public const string DefaultTenant = "contoso.com";
    /// <summary>The default world's Shared Channels Client: public, multi-tenant, in all four tenants.</summary>
    public const string DefaultClientId = "13e7214c-6687-4074-86ae-bf38154aaef1";
    public const string DefaultScope = "api://fcac6b54-23d1-4161-ab28-3ab64be2a67d/Channels.ReadWrite";
    public const int DefaultTop = 20;

    public static string DefaultCa() => Path.Combine(LocalData(), "FakeEntra", "certs", "ca.crt");

    public static string DefaultCache() => Path.Combine(LocalData(), "SharedChannels.Client", "token-cache.json");

    private static string LocalData() =>
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);

    public static readonly IReadOnlyList<CommandSpec> Commands =
    [
        new("signin", "", "sign in at your home organization: device code, or --user and --password (with --otp) for scripts"),
        new("signout", "", "forget the signed-in account(s) and their tokens (the token cache file)"),
        new("token", "", "get a token of the resource tenant silently from the home sign-in, and say how it was obtained"),
        new("teams", "", "the teams you belong to (Contoso members and guests)"),
        new("create-team", "NAME", "create a team; you become its first owner"),
        new("add-team-member", "TEAM EMAIL", "add a Contoso member or B2B collaboration guest to a team (--owner: as owner)"),
        new("channels", "[TEAM]", "the channels you may use, or the channels of one team"),
        new("create-channel", "TEAM NAME", "create a shared channel in a team (--standard: a standard channel); you become its first owner"),
        new("members", "CHANNEL", "the members of a channel, with their kind (internal, guest, external) and home tenant"),
        new("add-member", "CHANNEL EMAIL", "add someone to a channel by full e-mail address, internal or of a partner organization (--owner: as owner)"),
        new("messages", "CHANNEL", "a channel's messages, newest first (--top N a page, --all every page)"),
        new("post", "CHANNEL TEXT", "post a message to a channel"),
    ];

    public static readonly IReadOnlyList<OptionSpec> Options =
    [
        new("--user", "UPN", "the account, e.g. bob@fabrikam.com (needed with --password; picks one of several signed-in accounts)"),
        new("--password", "PASSWORD", "sign in without a browser (resource owner password grant), at home and, when needed, at the resource tenant"),
        new("--otp", "CODE", "your authenticator's current six-digit code (FakeEntra's fakeentra_otp): MFA done at home"),
        new("--otp-secret", "BASE32", "compute --otp from the authenticator's secret (default world: JBSWY3DPEHPK3PXP), for scripts"),
        new("--accept-privacy-statement", null, "with --password: accept the resource organization's privacy statement (fakeentra_privacy_consent=accept)"),
        new("--show-token", null, "print the resource tenant's access token claim by claim, each with its meaning"),
        new("--top", "N", $"messages: how many per page (default {DefaultTop})"),
        new("--all", null, "messages: follow @odata.nextLink to the oldest message"),
        new("--owner", null, "add-member, add-team-member: add as owner instead of member"),
        new("--standard", null, "create-channel: a standard channel (team members only) instead of a shared one"),
        new("--tenant", "TENANT", $"the resource tenant, a domain or tenant id (default {DefaultTenant})"),
        new("--fakeentra", "URL", $"FakeEntra's origin (default {DefaultFakeEntra})"),
        new("--api", "URL", $"the Shared Channels API's origin (default {DefaultApi})"),
        new("--ca", "PATH", $"a CA certificate to trust besides the system's (default FakeEntra's local CA, {DefaultCa()})"),
        new("--cache", "PATH", $"the token cache file, owner-only (default {DefaultCache()})"),
        new("--client-id", "ID", $"the public client (default the Shared Channels Client, {DefaultClientId})"),
        new("--scope", "SCOPE", $"the API permission to ask for (default {DefaultScope})"),
        new("--help", null, "this text"),
    ];
}
