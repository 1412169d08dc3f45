using System.Net;
using System.Web;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Server.SignInLogs;
using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FakeEntra.Server.Tests;

/// <summary>
/// The admin console over HTTP, as a browser without JavaScript uses it: it signs in through FakeEntra's own pages with
/// code and PKCE, shows each administrator their own tenant, and refuses everyone else.
/// </summary>
public class AdminConsoleTests(FakeEntraServer server) : IClassFixture<FakeEntraServer>
{
    [Fact]
    public async Task An_administrator_signs_in_on_the_sign_in_pages_with_code_and_pkce_and_sees_their_tenant()
    {
        using var browser = new Browser(server);
        var signIn = await browser.Get($"{server.Origin}/admin");
        Assert.Equal("username", signIn.Step);
        var authorize = browser.Redirects.Single(r => r.AbsolutePath == "/organizations/oauth2/v2.0/authorize");
        var query = HttpUtility.ParseQueryString(authorize.Query);
        Assert.Equal(FirstPartyApplications.AdminConsoleAppId.ToString("D"), query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal($"{server.Origin}/admin/signin-oidc", query["redirect_uri"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.NotNull(query["state"]);

        var overview = await browser.SignIn(signIn, "alice@contoso.com", World.Password);
        Assert.Equal(HttpStatusCode.OK, overview.Status);
        Assert.Equal($"{server.Origin}/admin", overview.Url.ToString());
        Assert.Contains("<h1>Contoso</h1>", overview.Html);
        Assert.Contains("Global Administrator", overview.Html);
        Assert.Contains(World.Contoso, overview.Html);

        // The console's sign-in is a sign-in like any other: logged in Contoso, for the console, to Microsoft Graph.
        await server.Services.GetRequiredService<SignInLogWriter>().FlushAsync();
        var row = server.Services.GetRequiredService<SignInLogStore>().Read(new Guid(World.Contoso))
            .First(r => r.UserPrincipalName == "alice@contoso.com" && r.AppId == FirstPartyApplications.AdminConsoleAppId);
        Assert.Equal(0, row.Status.ErrorCode);
        Assert.Equal(FirstPartyApplications.MicrosoftGraphAppId, row.ResourceId);
    }

    [Fact]
    public async Task The_sign_in_log_filters_by_user_application_cross_tenant_access_type_and_outcome()
    {
        using var http = server.CreateClient();
        foreach (var user in new[] { "bob@fabrikam.com", "dan@northwind.com" })
            await http.PostAsync($"/{World.Contoso}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password",
                ["client_id"] = World.Client,
                ["username"] = user,
                ["password"] = World.Password,
                ["scope"] = World.SharedChannelsScope,
                ["fakeentra_otp"] = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes("JBSWY3DPEHPK3PXP")).ComputeTotp(),
                ["fakeentra_privacy_consent"] = "accept",
            }));
        using var browser = new Browser(server);
        await browser.SignIn(await browser.Get($"{server.Origin}/admin"), "alice@contoso.com", World.Password);

        async Task<List<string>> Rows(string query)
        {
            var page = await browser.Get($"{server.Origin}/admin/signIns?{query}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var body = page.Html[page.Html.IndexOf("<tbody>", StringComparison.Ordinal)..page.Html.IndexOf("</tbody>", StringComparison.Ordinal)];
            return [.. body.Split("<tr>", StringSplitOptions.RemoveEmptyEntries).Skip(1)];
        }

        var directConnect = await Rows("type=b2bDirectConnect");
        Assert.Equal(2, directConnect.Count);
        Assert.All(directConnect, r => Assert.Contains("<td>b2bDirectConnect</td>", r));
        var failures = await Rows("outcome=failure");
        Assert.Contains("dan@northwind.com", Assert.Single(failures));
        Assert.Contains("Failure 500213", failures[0]);
        var bob = await Rows("user=bob%40fabrikam.com&outcome=success&type=b2bDirectConnect");
        Assert.Contains("Shared Channels API", Assert.Single(bob));
        var console = await Rows($"app={FirstPartyApplications.AdminConsoleAppId:D}");
        Assert.NotEmpty(console);
        Assert.All(console, r => Assert.Contains("alice@contoso.com", r));
        Assert.Empty(await Rows($"app={FirstPartyApplications.AdminConsoleAppId:D}&type=b2bDirectConnect"));
    }

    [Fact]
    public async Task An_expired_console_token_is_renewed_through_the_single_sign_on_session_and_sign_out_ends_both()
    {
        using var browser = new Browser(server);
        await browser.SignIn(await browser.Get($"{server.Origin}/admin"), "alice@contoso.com", World.Password);
        server.Clock.Offset = TimeSpan.FromMinutes(61);
        try
        {
            browser.Redirects.Clear();
            var again = await browser.Get($"{server.Origin}/admin/users");
            Assert.Equal(HttpStatusCode.OK, again.Status);
            Assert.Equal($"{server.Origin}/admin/users", again.Url.ToString());
            Assert.Contains(browser.Redirects, r => r.AbsolutePath == "/organizations/oauth2/v2.0/authorize");
            Assert.Contains(browser.Redirects, r => r.AbsolutePath == "/admin/signin-oidc");
        }
        finally
        {
            server.Clock.Offset = TimeSpan.Zero;
        }

        var users = await browser.Get($"{server.Origin}/admin/users");
        var signOut = users with { Html = users.Html[..(users.Html.IndexOf("</form>", StringComparison.Ordinal) + "</form>".Length)] };
        Assert.Equal("/admin/signout", signOut.FormAction);
        Assert.Contains("You signed out of your account", (await browser.Submit(signOut)).Html);
        Assert.Equal("username", (await browser.Get($"{server.Origin}/admin")).Step);
    }

    [Fact]
    public async Task The_callback_refuses_a_sign_in_this_browser_did_not_start()
    {
        using var browser = new Browser(server);
        var page = await browser.Get($"{server.Origin}/admin/signin-oidc?code=stolen&state=guessed");
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("not started by this browser", page.Html);
    }
}
