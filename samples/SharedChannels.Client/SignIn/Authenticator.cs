using Microsoft.Identity.Client;
using SharedChannels.Client.Cli;
using SharedChannels.Client.Http;

namespace SharedChannels.Client.SignIn;

// MSAL marks the password grant obsolete (a "more secure flow" is device code, which this client offers); it remains
// what scripts and tests use against FakeEntra's development accounts.
#pragma warning disable CS0618

/// <summary>
/// The user's sign-ins, with MSAL.NET as against Entra: one at home (authority <c>organizations</c>, so the home tenant
/// issues it), then tokens of the resource tenant acquired silently from that home account with <c>WithTenantId</c>;
/// when the resource tenant needs the user (MSAL's <see cref="MsalUiRequiredException"/>), a sign-in at its authority.
/// </summary>
public sealed class Authenticator
{
    /// <summary>Nothing of an API at home: MSAL adds openid, profile and offline_access, enough for the home account and its refresh token.</summary>
    private static readonly string[] HomeScopes = [];

    private readonly Settings _settings;
    private readonly IPublicClientApplication _app;
    private readonly TextWriter _status;
    private readonly HttpClient _http;
    private ResourceTenant? _resource;

    public Authenticator(Settings settings, HttpClient http, TextWriter status)
    {
        _settings = settings;
        _status = status;
        _http = http;
        _app = PublicClientApplicationBuilder.Create(settings.ClientId)
            .WithAuthority(new Uri(settings.FakeEntra, "organizations").ToString(), validateAuthority: false)
            .WithInstanceDiscovery(false)   // otherwise MSAL asks Microsoft's cloud about this authority
            .WithHttpClientFactory(new SharedHttpClientFactory(http))
            .Build();
        TokenCacheFile.Bind(_app.UserTokenCache, settings.CachePath);
    }

    /// <summary>The resource tenant (--tenant) with its id, looked up once, when first needed.</summary>
    public async Task<ResourceTenant> ResourceAsync() =>
        _resource ??= await ResourceTenant.ResolveAsync(_http, _settings.FakeEntra, _settings.Tenant);

    /// <summary>Signs in at the user's home organization: the password grant when a password is given, else a device code.</summary>
    public async Task<IAccount> SignInAtHomeAsync()
    {
        var result = _settings.Password is { } password
            ? await _app.AcquireTokenByUsernamePassword(HomeScopes, _settings.User, password)
                .WithExtraQueryParameters(FakeEntraParameters(acceptPrivacyStatement: false)).ExecuteAsync()
            : await _app.AcquireTokenWithDeviceCode(HomeScopes, ShowDeviceCodeAsync).ExecuteAsync();
        await _status.WriteLineAsync($"Signed in as {result.Account.Username} at your home organization (tenant {result.TenantId}).");
        return result.Account;
    }

    /// <summary>Removes the signed-in accounts (or the one named by --user) and their tokens; returns their names.</summary>
    public async Task<IReadOnlyList<string>> SignOutAsync()
    {
        var accounts = (await _app.GetAccountsAsync()).Where(a => _settings.User is null || Same(a, _settings.User)).ToList();
        foreach (var account in accounts) await _app.RemoveAsync(account);
        return [.. accounts.Select(a => a.Username)];
    }

    /// <summary>A token of the resource tenant for the API: silently from the home account, else by signing in at the resource tenant.</summary>
    public async Task<AuthenticationResult> ResourceTokenAsync()
    {
        var account = await AccountAsync() ?? (_settings.Password is null
            ? throw new ClientFailure("Not signed in. Run `signin` first (device code), or give --user, --password and --otp to sign in now.")
            : await SignInAtHomeAsync());
        var resource = await ResourceAsync();
        try
        {
            var result = await _app.AcquireTokenSilent([_settings.Scope], account).WithTenantId(resource.Id).ExecuteAsync();
            var how = result.AuthenticationResultMetadata.TokenSource == TokenSource.Cache
                ? "from the token cache"
                : $"by redeeming your home sign-in's refresh token at {resource.Name}";
            await _status.WriteLineAsync($"Token of {resource} for {account.Username} (home tenant {account.HomeAccountId.TenantId}), silently: {how}.");
            return result;
        }
        catch (MsalUiRequiredException e)
        {
            // MSAL's rule: this exception means only a sign-in with the user can go on (it may be refused again, but it says why).
            await _status.WriteLineAsync($"{resource.Name} did not issue a token silently, so you must sign in there: {Refusal.From(e)}");
            var result = await SignInAtResourceAsync(account, resource);
            await _status.WriteLineAsync($"Token of {resource} for {result.Account.Username}, by signing in at {resource.Name}; later ones come silently again.");
            return result;
        }
    }

    private async Task<AuthenticationResult> SignInAtResourceAsync(IAccount account, ResourceTenant resource)
    {
        var authority = new Uri(_settings.FakeEntra, resource.Id);
        if (_settings.Password is not { } password)
        {
            await _status.WriteLineAsync($"Signing in at {authority} with a device code; the pages ask what {resource.Name} needs (e.g. to accept its privacy statement).");
            return await _app.AcquireTokenWithDeviceCode([_settings.Scope], ShowDeviceCodeAsync).WithTenantId(resource.Id).ExecuteAsync();
        }
        var accepting = _settings.AcceptPrivacyStatement ? ", accepting its privacy statement" : "";
        await _status.WriteLineAsync($"Signing in at {authority} with your home password (password grant{accepting}).");
        try
        {
            return await _app.AcquireTokenByUsernamePassword([_settings.Scope], _settings.User ?? account.Username, password)
                .WithTenantId(resource.Id)
                .WithExtraQueryParameters(FakeEntraParameters(_settings.AcceptPrivacyStatement))
                .ExecuteAsync();
        }
        catch (MsalServiceException e) when (Refusal.From(e) is { Code: 65001 } refusal && !_settings.AcceptPrivacyStatement)
        {
            throw new ClientFailure($"Refused: {refusal}\nTo accept {resource.Name}'s privacy statement, run again with --accept-privacy-statement, or without --password to read it on the sign-in page.");
        }
    }

    /// <summary>FakeEntra's parameters for grants without pages: the MFA code, and the privacy statement acceptance.</summary>
    private Dictionary<string, (string, bool)> FakeEntraParameters(bool acceptPrivacyStatement)
    {
        // Not part of the cache key: they prove the sign-in, they do not change what the token is for.
        var parameters = new Dictionary<string, (string, bool)>();
        if (_settings.OneTimeCode() is { } code) parameters["fakeentra_otp"] = (code, false);
        if (acceptPrivacyStatement) parameters["fakeentra_privacy_consent"] = ("accept", false);
        return parameters;
    }

    private async Task<IAccount?> AccountAsync()
    {
        var accounts = (await _app.GetAccountsAsync()).ToList();
        if (_settings.User is { } user) return accounts.FirstOrDefault(a => Same(a, user));
        return accounts.Count <= 1
            ? accounts.FirstOrDefault()
            : throw new UsageException($"several accounts are signed in ({string.Join(", ", accounts.Select(a => a.Username))}): choose one with --user");
    }

    private static bool Same(IAccount account, string user) => string.Equals(account.Username, user, StringComparison.OrdinalIgnoreCase);

    private Task ShowDeviceCodeAsync(DeviceCodeResult code) => _status.WriteLineAsync(code.Message);
}
