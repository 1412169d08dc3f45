using OtpNet;

namespace SharedChannels.Client.Cli;

/// <summary>The options of one run, typed and checked, with their defaults.</summary>
public sealed record Settings
{
    public required Uri FakeEntra { get; init; }
    public required Uri Api { get; init; }
    public required string CaPath { get; init; }
    public required bool CaGiven { get; init; }
    public required string Tenant { get; init; }
    public required string ClientId { get; init; }
    public required string Scope { get; init; }
    public required string CachePath { get; init; }
    public string? User { get; init; }
    public string? Password { get; init; }
    public string? Otp { get; init; }
    public string? OtpSecret { get; init; }
    public bool AcceptPrivacyStatement { get; init; }
    public bool ShowToken { get; init; }
    public int Top { get; init; }
    public bool All { get; init; }
    public bool Owner { get; init; }
    public bool Standard { get; init; }

    public static Settings From(Invocation call)
    {
        var settings = new Settings
        {
            FakeEntra = Origin(call, "--fakeentra", Catalog.DefaultFakeEntra),
            Api = Origin(call, "--api", Catalog.DefaultApi),
            CaPath = call.Value("--ca") ?? Catalog.DefaultCa(),
            CaGiven = call.Has("--ca"),
            Tenant = call.Value("--tenant") ?? Catalog.DefaultTenant,
            ClientId = call.Value("--client-id") ?? Catalog.DefaultClientId,
            Scope = call.Value("--scope") ?? Catalog.DefaultScope,
            CachePath = call.Value("--cache") ?? Catalog.DefaultCache(),
            User = call.Value("--user"),
            Password = call.Value("--password"),
            Otp = call.Value("--otp"),
            OtpSecret = call.Value("--otp-secret"),
            AcceptPrivacyStatement = call.Has("--accept-privacy-statement"),
            ShowToken = call.Has("--show-token"),
            Top = call.Value("--top") is { } top ? ParseTop(top) : Catalog.DefaultTop,
            All = call.Has("--all"),
            Owner = call.Has("--owner"),
            Standard = call.Has("--standard"),
        };
        if (settings.Password is not null && settings.User is null) throw new UsageException("--password needs --user");
        if (settings.Otp is not null && settings.OtpSecret is not null) throw new UsageException("give --otp or --otp-secret, not both");
        if (settings.OtpSecret is not null) _ = Secret(settings.OtpSecret);
        return settings;
    }

    /// <summary>The one-time code to send now: the one given, or the authenticator's current one.</summary>
    public string? OneTimeCode() => Otp ?? (OtpSecret is { } secret ? new Totp(Secret(secret)).ComputeTotp() : null);

    private static byte[] Secret(string base32)
    {
        try
        {
            return Base32Encoding.ToBytes(base32.Replace(" ", "", StringComparison.Ordinal));
        }
        catch (ArgumentException)
        {
            throw new UsageException("--otp-secret is not base32");
        }
    }

    private static Uri Origin(Invocation call, string option, string fallback)
    {
        var text = call.Value(option) ?? fallback;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || uri.AbsolutePath != "/")
            throw new UsageException($"{option} must be an https origin such as {fallback}, not '{text}'");
        return uri;
    }

    private static int ParseTop(string text) =>
        int.TryParse(text, out var n) && n is >= 1 and <= 999 ? n : throw new UsageException("--top takes a number from 1 to 999");
}
