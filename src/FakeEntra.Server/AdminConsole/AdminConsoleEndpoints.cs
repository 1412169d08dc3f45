using FakeEntra.Server.Graph;

namespace FakeEntra.Server.AdminConsole;

/// <summary>
/// The admin console at <c>/admin</c>: server-rendered pages over the same services as the Graph-shaped API, so what an
/// administrator sees and changes is what their directory role allows there, in their own tenant, validated and audited alike.
/// </summary>
public static class AdminConsoleEndpoints
{
    private const string Root = ConsoleLayout.Root;

    public static IServiceCollection AddAdminConsole(this IServiceCollection services)
    {
        services.AddSingleton<ConsoleCookies>();
        services.AddSingleton<ConsoleSignIn>();
        services.AddSingleton<AdminPages>();
        return services;
    }

    public static IEndpointRouteBuilder MapAdminConsole(this IEndpointRouteBuilder app)
    {
        app.MapGet(Core.DirectoryObjects.FirstPartyApplications.AdminConsoleRedirectPath, (HttpContext http, ConsoleSignIn signIn) => signIn.CallbackAsync(http));
        app.MapPost($"{Root}/signout", async (HttpContext http, ConsoleSignIn signIn) =>
            (await AdminPages.ReadFormAsync(http)).Refusal ?? signIn.SignOut(http));

        app.MapGet(Root, (HttpContext http, AdminPages pages, DirectoryReads reads) => pages.ShowAsync(http, caller => OverviewPage.Render(caller, reads)));
        app.MapGet($"{Root}/users", (HttpContext http, AdminPages pages, UserManagement users) => pages.ShowAsync(http, caller => UsersPage.Render(caller, users)));
        app.MapGet($"{Root}/groups", (HttpContext http, AdminPages pages, GroupManagement groups) => pages.ShowAsync(http, caller => GroupsPage.List(caller, groups)));
        app.MapGet($"{Root}/groups/{{id}}", (string id, HttpContext http, AdminPages pages, GroupManagement groups) =>
            pages.ShowAsync(http, caller => GroupsPage.Members(caller, groups, id)));
        app.MapGet($"{Root}/applications", (HttpContext http, AdminPages pages, DirectoryReads reads) => pages.ShowAsync(http, caller => ApplicationsPage.Render(caller, reads)));
        app.MapGet($"{Root}/devices", (HttpContext http, AdminPages pages, DirectoryReads reads, UserManagement users) =>
            pages.ShowAsync(http, caller => DevicesPage.Render(caller, reads, users)));

        MapCrossTenantAccess(app);
        MapConditionalAccess(app);

        app.MapGet(SignInLogPage.Path, (HttpContext http, AdminPages pages, AuditLogs logs) => pages.ShowAsync(http, caller => SignInLogPage.RenderAsync(http, caller, logs)));
        app.MapGet(AuditLogPage.Path, (HttpContext http, AdminPages pages, AuditLogs logs) => pages.ShowAsync(http, caller => AuditLogPage.Render(http, caller, logs)));
        app.MapGet(WhatIfPage.Path, (HttpContext http, AdminPages pages) => pages.ShowAsync(http, caller => WhatIfPage.Render(http, caller)));
        app.MapPost(WhatIfPage.Path, (HttpContext http, AdminPages pages, WhatIf whatIf) =>
            pages.PostAsync(http, (caller, form) => Task.FromResult<ConsoleAnswer>(WhatIfPage.Ask(http, caller, whatIf, form))));
        return app;
    }

    private static void MapConditionalAccess(IEndpointRouteBuilder app)
    {
        const string Base = ConditionalAccessPages.Base;
        app.MapGet(Base, (HttpContext http, AdminPages pages, ConditionalAccessPolicies policies) => pages.ShowAsync(http, caller => ConditionalAccessPages.List(caller, policies)));
        app.MapGet($"{Base}/new", (HttpContext http, AdminPages pages, ConditionalAccessPolicies policies) =>
            pages.ShowAsync(http, caller => ConditionalAccessPages.New(http, caller, policies)));
        app.MapPost($"{Base}/new", (HttpContext http, AdminPages pages, ConditionalAccessPolicies policies) =>
            pages.PostAsync(http, (caller, form) => ConditionalAccessPages.CreateAsync(http, caller, policies, form)));
        app.MapGet($"{Base}/{{id}}", (string id, HttpContext http, AdminPages pages, ConditionalAccessPolicies policies) =>
            pages.ShowAsync(http, caller => ConditionalAccessPages.Edit(http, caller, policies, id)));
        app.MapPost($"{Base}/{{id}}", (string id, HttpContext http, AdminPages pages, ConditionalAccessPolicies policies) =>
            pages.PostAsync(http, (caller, form) => ConditionalAccessPages.SaveAsync(http, caller, policies, id, form)));
        app.MapPost($"{Base}/{{id}}/delete", (string id, HttpContext http, AdminPages pages, ConditionalAccessPolicies policies) =>
            pages.PostAsync(http, (caller, _) => ConditionalAccessPages.DeleteAsync(caller, policies, id)));
    }

    private static void MapCrossTenantAccess(IEndpointRouteBuilder app)
    {
        const string Base = CrossTenantAccessPages.Base;
        app.MapGet(Base, (HttpContext http, AdminPages pages, CrossTenantAccessSettings settings, DirectoryReads reads) =>
            pages.ShowAsync(http, caller => CrossTenantAccessPages.List(http, caller, settings, reads)));
        app.MapPost($"{Base}/partners", (HttpContext http, AdminPages pages, CrossTenantAccessSettings settings, DirectoryReads reads) =>
            pages.PostAsync(http, (caller, form) => CrossTenantAccessPages.AddPartnerAsync(http, caller, settings, reads, form)));

        app.MapGet($"{Base}/default", (HttpContext http, AdminPages pages, CrossTenantAccessSettings settings) =>
            pages.ShowAsync(http, caller => CrossTenantAccessPages.Default(http, caller, settings, CrossTenantAccessPages.SavedNotice(http))));
        app.MapPost($"{Base}/default", (HttpContext http, AdminPages pages, CrossTenantAccessSettings settings) =>
            pages.PostAsync(http, (caller, form) => CrossTenantAccessPages.SaveDefaultAsync(http, caller, settings, form)));
        app.MapPost($"{Base}/default/reset", (HttpContext http, AdminPages pages, CrossTenantAccessSettings settings) =>
            pages.PostAsync(http, (caller, _) => CrossTenantAccessPages.ResetDefaultAsync(caller, settings)));

        app.MapGet($"{Base}/partners/{{tenantId}}", (string tenantId, HttpContext http, AdminPages pages, CrossTenantAccessSettings settings, DirectoryReads reads) =>
            pages.ShowAsync(http, caller => CrossTenantAccessPages.Partner(http, caller, settings, reads, tenantId, CrossTenantAccessPages.SavedNotice(http))));
        app.MapPost($"{Base}/partners/{{tenantId}}", (string tenantId, HttpContext http, AdminPages pages, CrossTenantAccessSettings settings, DirectoryReads reads) =>
            pages.PostAsync(http, (caller, form) => CrossTenantAccessPages.SavePartnerAsync(http, caller, settings, reads, tenantId, form)));
        app.MapPost($"{Base}/partners/{{tenantId}}/delete", (string tenantId, HttpContext http, AdminPages pages, CrossTenantAccessSettings settings) =>
            pages.PostAsync(http, (caller, _) => CrossTenantAccessPages.DeletePartnerAsync(caller, settings, tenantId)));
    }
}
