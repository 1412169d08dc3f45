using System.Web;
using OtpNet;

namespace FakeEntra.Server.Tests.Infrastructure;

/// <summary>
/// B2B direct connect needs the user to have accepted the resource organization's privacy statement once, in a browser.
/// This signs a default-world user in through the pages at Contoso, answering every step, and accepts it.
/// </summary>
public static class PrivacyConsent
{
    public const string Laptop = "ac900416-06e0-4805-8c85-ad88f36a98e4";
    private const string Redirect = "http://localhost:7777/";

    public static async Task GiveAsync(FakeEntraServer server, string upn, string scope)
    {
        using var browser = new Browser(server) { StopAt = Redirect };
        var page = await browser.Get($"{server.Origin}/{World.Contoso}/oauth2/v2.0/authorize?client_id={World.Client}&response_type=code" +
                                     $"&redirect_uri={Uri.EscapeDataString(Redirect)}&scope={Uri.EscapeDataString("openid " + scope)}&state=consent");
        page = await Answer(browser, page, upn);
        if (!page.Url.ToString().StartsWith(Redirect, StringComparison.Ordinal) || HttpUtility.ParseQueryString(page.Url.Query)["code"] is null)
            throw new InvalidOperationException($"{upn} did not get through the pages: {page.Status} {page.Url}\n{page.Html}");
    }

    /// <summary>Answers whatever step comes (name, password, TOTP, device = the compliant laptop, privacy = accept); <paramref name="seen"/> sees each page first.</summary>
    public static async Task<Page> Answer(Browser browser, Page page, string upn, Action<Page>? seen = null)
    {
        for (var guard = 0; guard < 10 && page.Step is { } step; guard++)
        {
            seen?.Invoke(page);
            page = step switch
            {
                "username" => await browser.Submit(page, ("login", upn)),
                "password" => await browser.Submit(page, ("passwd", World.Password)),
                "mfa" => await browser.Submit(page, ("otc", new Totp(Base32Encoding.ToBytes("JBSWY3DPEHPK3PXP")).ComputeTotp())),
                "device-identity" => await browser.Submit(page, ("device", Laptop)),
                "privacy" => await browser.Submit(page, ("consent", "yes")),
                _ => throw new InvalidOperationException($"Unexpected step {step}"),
            };
        }
        return page;
    }
}
