using FakeEntra.Testing;
using FakeEntra.Testing.World;
using Microsoft.Identity.Client;

namespace SharedChannels.Tests.Infrastructure;

/// <summary>A person signed in with MSAL.NET, who can ask again silently (MSAL's cache and refresh token).</summary>
public sealed record SignedIn(IPublicClientApplication App, AuthenticationResult Result)
{
    public string AccessToken => Result.AccessToken;

    /// <summary>A new token from the refresh token (FakeEntra decides again on today's settings).</summary>
    public async Task<AuthenticationResult> RefreshAsync() =>
        await App.AcquireTokenSilent([DefaultWorld.SharedChannelsScope], Result.Account).WithForceRefresh(true).ExecuteAsync();
}

/// <summary>
/// Real sign-ins of the built-in world's people at Contoso with MSAL.NET's password grant: home credentials, the home
/// authenticator's code (<c>fakeentra_otp</c>) and, for B2B direct connect, acceptance of Contoso's privacy statement.
/// </summary>
public static class People
{
    public static async Task<SignedIn> SignInAtContosoAsync(this FakeEntraServer idp, string upn, bool mfa = false, bool acceptPrivacy = false,
        string scope = DefaultWorld.SharedChannelsScope)
    {
        var app = idp.PublicClient(DefaultWorld.Client, DefaultWorld.Contoso).Build();
        var extra = new Dictionary<string, string>();
        if (mfa) extra["fakeentra_otp"] = idp.OneTimeCode();
        if (acceptPrivacy) extra["fakeentra_privacy_consent"] = "accept";
#pragma warning disable CS0618 // The password grant is deprecated for public clients; it is what scripts and these tests use.
        var result = await app.AcquireTokenByUsernamePassword([scope], upn, DefaultWorld.Password)
#pragma warning restore CS0618
            .WithExtraQueryParameters(extra)
            .ExecuteAsync();
        return new SignedIn(app, result);
    }

    /// <summary>alice@contoso.com: a Contoso member and Global Administrator.</summary>
    public static Task<SignedIn> AliceAsync(this FakeEntraServer idp) => idp.SignInAtContosoAsync("alice@contoso.com");

    /// <summary>bob@fabrikam.com over B2B direct connect, with his home MFA.</summary>
    public static Task<SignedIn> BobAsync(this FakeEntraServer idp) => idp.SignInAtContosoAsync("bob@fabrikam.com", mfa: true, acceptPrivacy: true);
}
