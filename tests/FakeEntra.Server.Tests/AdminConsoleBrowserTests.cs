using System.Text.Json;
using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace FakeEntra.Server.Tests;

/// <summary>
/// The admin console in headless Chromium: the seed's Example 2 done by Contoso's administrator in the console, its effect
/// on a Fabrikam user outside Marketing, the sign-in and audit logs that show it, the what-if, and what other people see.
/// Screenshots of each console page go to the test output's <c>screenshots</c> folder (the README's come from there).
/// </summary>
public class AdminConsoleBrowserTests(FakeEntraServer server) : IClassFixture<FakeEntraServer>
{
    private const string Marketing = "4b482ed1-2c44-46a5-a281-3faa7928b39f";
    private const string FabLaptop = "ac900416-06e0-4805-8c85-ad88f36a98e4";
    private const string RequireMfa = "f9220e94-c1f8-43e0-a8a9-6b9d3c67a26d";
    private const string Litware = "9b857bb0-5fb4-4a8c-a685-a9b12a25ae3e";
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [SkippableFact]
    public async Task Contosos_admin_restricts_fabrikams_inbound_direct_connect_to_marketing_and_the_logs_show_the_change_and_carols_refusal()
    {
        Chromium.SkipUnlessInstalled();
        Directory.CreateDirectory(Screenshots);
        await using var fresh = new FakeEntraServer();
        await fresh.InitializeAsync();
        await using var chromium = await BrowserTests.OpenAsync(fresh, 1360, 900);
        var alice = chromium.Person;
        var page = alice.Page;

        await SignInToConsoleAsync(fresh, alice, "alice@contoso.com");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Contoso", Level = 1 })).ToBeVisibleAsync();
        await Shot(page, "admin-overview");
        foreach (var (path, heading, name) in new[]
        {
            ("users", "Users", "admin-users"), ("applications", "Applications", "admin-applications"),
            ("crossTenantAccess", "Cross-tenant access settings", "admin-cross-tenant-access"),
            ("conditionalAccess", "Conditional Access policies", "admin-conditional-access"),
        })
        {
            await page.GotoAsync($"{fresh.Origin}/admin/{path}");
            await alice.ExpectPageAsync(heading);
            await Shot(page, name);
        }
        await page.GetByRole(AriaRole.Link, new() { Name = "Require MFA for external users" }).ClickAsync();
        await alice.ExpectPageAsync("Require MFA for external users");
        await Shot(page, "admin-conditional-access-policy");

        // Example 2: Fabrikam's inbound B2B direct connect, users and groups: only Marketing. A wrong line first.
        await page.GotoAsync($"{fresh.Origin}/admin/crossTenantAccess");
        await page.GetByRole(AriaRole.Link, new() { Name = "Fabrikam" }).ClickAsync();
        await alice.ExpectPageAsync("Cross-tenant access settings: Fabrikam");
        var inboundUsers = "#b2bDirectConnectInbound-usersAndGroups";
        await page.Locator($"{inboundUsers}-appliesTo-selected").CheckAsync();
        await page.Locator($"{inboundUsers}-targets").FillAsync("group Marketing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var error = page.Locator($"{inboundUsers}-targets-error");
        await Expect(error).ToContainTextAsync("b2bDirectConnectInbound.usersAndGroups.targets[0].target");
        await Expect(error).ToContainTextAsync("'Marketing' is neither an object id nor a keyword");
        await Expect(page.Locator($"{inboundUsers}-targets")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator($"{inboundUsers}-targets")).ToHaveValueAsync("group Marketing");
        // The inbound settings and the JSON beside them, without the rest of the long form.
        await page.SetViewportSizeAsync(1360, 1300);
        await Shot(page, "admin-cross-tenant-refused", fullPage: false);

        await page.Locator($"{inboundUsers}-targets").FillAsync($"group {Marketing}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        var graph = page.Locator(".graph-json pre");
        await Expect(graph).ToContainTextAsync($"\"target\": \"{Marketing}\"");
        await Expect(graph).ToContainTextAsync("\"targetType\": \"group\"");
        await Shot(page, "admin-cross-tenant-partner", fullPage: false);
        await page.SetViewportSizeAsync(1360, 900);

        // carol (Fabrikam, not in Marketing) is now refused at Contoso; bob, in Marketing, still gets in.
        await using var app = await LoopbackApp.StartAsync();
        var bob = await NewPersonAsync(page);
        await bob.Page.GotoAsync(BrowserTests.Authorize(fresh, World.Contoso, app, "openid " + World.SharedChannelsScope, "bob"));
        await BrowserTests.SignInAsBobAsync(bob);
        await bob.EnterOnAsync("Share your info with Contoso?", "Accept");
        Assert.True((await bob.ReachAsync(app)).ContainsKey("code"));
        app.Reset();
        var carol = await NewPersonAsync(page);
        await carol.Page.GotoAsync(BrowserTests.Authorize(fresh, World.Contoso, app, "openid " + World.SharedChannelsScope, "carol"));
        await carol.TypeAndEnterAsync("Sign in", "Email address", "carol@fabrikam.com");
        await carol.TypeAndEnterAsync("Enter password", "Password", World.Password);
        await Expect(carol.Page.Locator("#error-code")).ToHaveAttributeAsync("data-error-code", "500213");

        // The sign-in log, filtered to carol's failures, shows the refusal and the rule that made it.
        await page.GotoAsync($"{fresh.Origin}/admin/signIns");
        await page.GetByLabel("User", new() { Exact = true }).FillAsync("carol@fabrikam.com");
        await page.GetByLabel("Outcome").SelectOptionAsync("failure");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.Locator(".graph-call")).ToContainTextAsync("userPrincipalName eq 'carol@fabrikam.com' and status/errorCode ne 0");
        var row = page.Locator("tbody tr").Filter(new() { HasText = "Failure 500213" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("b2bDirectConnect");
        await row.Locator("summary").ClickAsync();
        await Expect(row.Locator("ol.trace")).ToContainTextAsync($"Contoso inbound B2B direct connect from Fabrikam (partner setting): users allowed for {Marketing}, applications allowed for AllApplications: blocked.");
        await Expect(row.Locator("ol.trace")).ToContainTextAsync("Refused: AADSTS500213");
        await Shot(page, "admin-sign-in-logs");

        // The audit log: the change, by alice, with the old and new values.
        await page.GotoAsync($"{fresh.Origin}/admin/audit");
        var change = page.Locator("article.audit").Filter(new() { HasText = "Update a partner cross-tenant access setting" });
        await Expect(change).ToHaveCountAsync(1);
        await Expect(change).ToContainTextAsync("by alice@contoso.com");
        var modified = change.Locator("tbody tr").Filter(new() { HasText = "b2bDirectConnectInbound" });
        await Expect(modified.Locator("td").Nth(1)).ToContainTextAsync("\"target\": \"AllUsers\"");
        await Expect(modified.Locator("td").Nth(2)).ToContainTextAsync($"\"target\": \"{Marketing}\"");
        await Shot(page, "admin-audit-logs");

        // What if: bob (in Marketing) with MFA done on FAB-LAPTOP-01.
        await page.GotoAsync($"{fresh.Origin}/admin/whatIf");
        await page.GetByLabel("User", new() { Exact = true }).FillAsync("bob@fabrikam.com");
        await page.GetByLabel("Application signed in to").SelectOptionAsync(new SelectOptionValue { Label = "Shared Channels API" });
        await page.GetByLabel("Multifactor authentication done").CheckAsync();
        await page.GetByLabel("Device id").FillAsync(FabLaptop);
        await page.GetByRole(AriaRole.Button, new() { Name = "Evaluate" }).ClickAsync();
        await Expect(page.Locator("#outcome")).ToHaveTextAsync("Allowed");
        await Expect(page.Locator(".verdict ol.trace")).ToContainTextAsync($"Contoso inbound B2B direct connect from Fabrikam (partner setting): users allowed for {Marketing}, applications allowed for AllApplications: allowed.");
        await Shot(page, "admin-what-if");
        Assert.Empty(alice.PolicyViolations);

        // Fabrikam's administrator sees Fabrikam only: its own settings toward Contoso, no trace of Contoso's change.
        var fabrikamAdmin = await NewPersonAsync(page);
        await SignInToConsoleAsync(fresh, fabrikamAdmin, "admin@fabrikam.com");
        await Expect(fabrikamAdmin.Page.GetByRole(AriaRole.Heading, new() { Name = "Fabrikam", Level = 1 })).ToBeVisibleAsync();
        // Fabrikam's directory has the group and the devices of the story.
        await fabrikamAdmin.Page.GotoAsync($"{fresh.Origin}/admin/groups");
        await Shot(fabrikamAdmin.Page, "admin-groups");
        await fabrikamAdmin.Page.GetByRole(AriaRole.Link, new() { Name = "Marketing" }).ClickAsync();
        await fabrikamAdmin.ExpectPageAsync("Marketing");
        await Expect(fabrikamAdmin.Page.Locator("tbody")).ToContainTextAsync("bob@fabrikam.com");
        await Expect(fabrikamAdmin.Page.Locator("tbody")).Not.ToContainTextAsync("carol@fabrikam.com");
        await Shot(fabrikamAdmin.Page, "admin-group-members");
        await fabrikamAdmin.Page.GotoAsync($"{fresh.Origin}/admin/devices");
        await Expect(fabrikamAdmin.Page.Locator("tbody")).ToContainTextAsync("FAB-LAPTOP-01");
        await Shot(fabrikamAdmin.Page, "admin-devices");
        await fabrikamAdmin.Page.GotoAsync($"{fresh.Origin}/admin/crossTenantAccess/partners/{World.Contoso}");
        await fabrikamAdmin.ExpectPageAsync("Cross-tenant access settings: Contoso");
        var fabrikamJson = await fabrikamAdmin.Page.Locator(".graph-json pre").InnerTextAsync();
        Assert.Contains($"\"tenantId\": \"{World.Contoso}\"", fabrikamJson);
        Assert.DoesNotContain(Marketing, fabrikamJson);
        await fabrikamAdmin.Page.GotoAsync($"{fresh.Origin}/admin/audit");
        await fabrikamAdmin.ExpectPageAsync("Audit logs");
        Assert.DoesNotContain("alice@contoso.com", await fabrikamAdmin.Page.Locator("main").InnerTextAsync());
        // Contoso's own configuration has no address in Fabrikam's console: the only tenant is the signed-in one.
        await fabrikamAdmin.Page.GotoAsync($"{fresh.Origin}/admin/crossTenantAccess/partners/{World.Fabrikam}");
        await fabrikamAdmin.ExpectPageAsync("Not found");
        await fabrikamAdmin.Page.GotoAsync($"{fresh.Origin}/admin/conditionalAccess/f9220e94-c1f8-43e0-a8a9-6b9d3c67a26d");
        await fabrikamAdmin.ExpectPageAsync("Not found");
        Assert.Empty(fabrikamAdmin.PolicyViolations);
    }

    [SkippableFact]
    public async Task Conditional_access_policies_are_edited_created_and_deleted_in_the_console_as_graph_validates_and_audits_them()
    {
        Chromium.SkipUnlessInstalled();
        await using var fresh = new FakeEntraServer();
        await fresh.InitializeAsync();
        await using var chromium = await BrowserTests.OpenAsync(fresh, 1360, 900);
        var alice = chromium.Person;
        var page = alice.Page;
        using var graph = fresh.CreateClient();
        graph.DefaultRequestHeaders.Authorization = new("Bearer", await GraphClients.AdminAppToken(fresh, World.Contoso, "0f3b8c42-6a1e-4d8e-9b5a-1c2d3e4f5a01", "FakeEntra~Admin~Contoso"));
        async Task<JsonElement> Graph(string path) => JsonDocument.Parse(await graph.GetStringAsync(path)).RootElement;
        const string Policies = "/v1.0/identity/conditionalAccess/policies";

        await SignInToConsoleAsync(fresh, alice, "alice@contoso.com");
        await page.GotoAsync($"{fresh.Origin}/admin/conditionalAccess/{RequireMfa}");
        await alice.ExpectPageAsync("Require MFA for external users");
        // Without a grant control Graph refuses the policy; the message stands beside the controls, and nothing changes.
        await page.GetByLabel("Require multifactor authentication").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("#grantControls-error")).ToContainTextAsync("Invalid value for 'grantControls': the policy needs grantControls with at least one built-in control.");
        Assert.Equal("enabled", (await Graph($"{Policies}/{RequireMfa}")).GetProperty("state").GetString());

        await page.GetByLabel("Require multifactor authentication").CheckAsync();
        await page.GetByLabel("Report-only").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        Assert.Equal("enabledForReportingButNotEnforced", (await Graph($"{Policies}/{RequireMfa}")).GetProperty("state").GetString());
        var update = (await Graph("/v1.0/auditLogs/directoryAudits?$filter=activityDisplayName eq 'Update conditional access policy'")).GetProperty("value").EnumerateArray().Single();
        Assert.Equal("alice@contoso.com", update.GetProperty("initiatedBy").GetProperty("user").GetProperty("userPrincipalName").GetString());
        var property = update.GetProperty("targetResources")[0].GetProperty("modifiedProperties")[0];
        Assert.Contains("\"state\":\"enabled\"", property.GetProperty("oldValue").GetString());
        Assert.Contains("\"state\":\"enabledForReportingButNotEnforced\"", property.GetProperty("newValue").GetString());

        // A new policy: block Litware's direct connect users from every application; then removed again.
        await page.GotoAsync($"{fresh.Origin}/admin/conditionalAccess/new");
        await page.GetByLabel("Name").FillAsync("Block Litware's direct connect users");
        await page.GetByLabel("B2B direct connect users").CheckAsync();
        await page.Locator("#conditions-users-includeGuestsOrExternalUsers-externalTenants-membershipKind-enumerated").CheckAsync();
        await page.GetByLabel("Selected organizations").FillAsync(Litware);
        await page.GetByLabel("Include applications").FillAsync("All");
        await page.GetByLabel("Block access").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await alice.ExpectPageAsync("Block Litware's direct connect users");
        var created = (await Graph(Policies)).GetProperty("value").EnumerateArray().Single(p => p.GetProperty("displayName").GetString() == "Block Litware's direct connect users");
        var guests = created.GetProperty("conditions").GetProperty("users").GetProperty("includeGuestsOrExternalUsers");
        Assert.Equal("b2bDirectConnectUser", guests.GetProperty("guestOrExternalUserTypes").GetString());
        Assert.Equal(Litware, guests.GetProperty("externalTenants").GetProperty("members")[0].GetString());
        Assert.Equal("block", created.GetProperty("grantControls").GetProperty("builtInControls")[0].GetString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete this policy" }).ClickAsync();
        await alice.ExpectPageAsync("Conditional Access policies");
        Assert.Equal(2, (await Graph(Policies)).GetProperty("value").GetArrayLength());
        var activities = (await Graph("/v1.0/auditLogs/directoryAudits?$filter=category eq 'Policy'")).GetProperty("value").EnumerateArray()
            .Select(a => a.GetProperty("activityDisplayName").GetString()).ToList();
        Assert.Equal(["Delete conditional access policy", "Add conditional access policy", "Update conditional access policy"], activities);
        Assert.Empty(alice.PolicyViolations);
    }

    [SkippableFact]
    public async Task A_user_without_an_administrator_role_signs_in_and_is_refused_on_every_console_page()
    {
        Chromium.SkipUnlessInstalled();
        Directory.CreateDirectory(Screenshots);
        await using var chromium = await BrowserTests.OpenAsync(server, 1360, 900);
        var bob = chromium.Person;
        await SignInToConsoleAsync(server, bob, "bob@fabrikam.com");
        await bob.ExpectPageAsync("Access denied");
        await Shot(bob.Page, "admin-access-denied");
        foreach (var path in new[] { "users", "groups", "applications", "devices", "crossTenantAccess", $"crossTenantAccess/partners/{World.Contoso}",
                     "crossTenantAccess/default", "conditionalAccess", "conditionalAccess/new", "signIns", "audit", "whatIf" })
        {
            var response = await bob.Page.GotoAsync($"{server.Origin}/admin/{path}");
            Assert.Equal(403, response!.Status);
            await bob.ExpectPageAsync("Access denied");
            Assert.DoesNotContain("Marketing", await bob.Page.Locator("main").InnerTextAsync());
        }
    }

    /// <summary>Opens the console and signs in on FakeEntra's pages with the keyboard (MFA at home when asked).</summary>
    public static async Task SignInToConsoleAsync(FakeEntraServer server, KeyboardPerson person, string upn)
    {
        await person.Page.GotoAsync($"{server.Origin}/admin");
        await person.TypeAndEnterAsync("Sign in", "Email address", upn);
        await person.TypeAndEnterAsync("Enter password", "Password", World.Password);
        await person.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/admin", StringComparison.Ordinal) && !url.Contains("signin-oidc", StringComparison.Ordinal));
    }

    /// <summary>Another person at another browser (own cookies), in the same Chromium.</summary>
    private static async Task<KeyboardPerson> NewPersonAsync(IPage page)
    {
        var context = await page.Context.Browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1360, Height = 900 } });
        return new KeyboardPerson(await context.NewPageAsync());
    }

    private static Task Shot(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = fullPage });
}
