using System.Text;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Server.Hosting;
using FakeEntra.Server.SignInPages;
using FakeEntra.Server.World;
using static FakeEntra.Server.SignInPages.Html;

namespace FakeEntra.Server.StartPage;

/// <summary>
/// <c>/</c>: the running world (tenants, users with their development passwords, apps), the endpoints, and configuration to
/// copy into MSAL.NET, Microsoft.Identity.Web, ASP.NET Core's OpenID Connect handler and msal-node.
/// </summary>
public static class StartPageEndpoint
{
    public static IEndpointRouteBuilder MapStartPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (DirectoryState directory, PublicOrigin origin, DevCredentials credentials) =>
            Results.Content(Render(directory.Current, origin.Value, credentials), "text/html; charset=utf-8"));
        return app;
    }

    private static string Render(DirectorySnapshot world, string origin, DevCredentials credentials)
    {
        var html = new StringBuilder();
        html.Append($$"""
            <h1>FakeEntra</h1>
            <p>A local Microsoft Entra ID on <code>{{E(origin)}}</code>: {{world.Tenants.Count}} tenants. Point an app's authority at
            <code>{{E(origin)}}/{tenant}/v2.0</code> and trust the local CA (see <code>certs/README.md</code>).</p>
            """);

        html.Append("<h2 id=\"tenants\">Tenants</h2><table><thead><tr><th scope=\"col\">Tenant</th><th scope=\"col\">Tenant id</th><th scope=\"col\">Domains</th><th scope=\"col\">Metadata</th></tr></thead><tbody>");
        foreach (var tenant in world.Tenants)
        {
            var org = tenant.Organization;
            html.Append($"<tr><td>{E(org.DisplayName)}</td><td><code>{org.Id:D}</code></td><td>{E(string.Join(", ", org.VerifiedDomains.Select(d => d.Name)))}</td>" +
                        $"<td><a href=\"/{org.Id:D}/v2.0/.well-known/openid-configuration\">discovery</a> · <a href=\"/{org.Id:D}/discovery/v2.0/keys\">keys</a></td></tr>");
        }
        html.Append("</tbody></table>");

        html.Append("<h2 id=\"users\">Users</h2><table><thead><tr><th scope=\"col\">User</th><th scope=\"col\">Tenant</th><th scope=\"col\">Object id</th><th scope=\"col\">Password</th><th scope=\"col\">MFA</th></tr></thead><tbody>");
        foreach (var tenant in world.Tenants)
            foreach (var user in tenant.Users)
            {
                var password = user.IsGuest ? "(signs in at home)" : credentials.PasswordOf(user) ?? "(changed)";
                var mfa = user.AuthenticationMethods.Count > 0 ? "TOTP" : "none";
                html.Append($"<tr><td>{E(user.UserPrincipalName)}{(user.IsGuest ? " <small>guest</small>" : "")}</td><td>{E(tenant.Organization.DisplayName)}</td>" +
                            $"<td><code>{user.Id:D}</code></td><td><code>{E(password)}</code></td><td>{mfa}</td></tr>");
            }
        html.Append("</tbody></table>");

        html.Append("<h2 id=\"apps\">Applications</h2><table><thead><tr><th scope=\"col\">App</th><th scope=\"col\">App id</th><th scope=\"col\">Kind</th><th scope=\"col\">Registered in</th><th scope=\"col\">Redirect URIs, scopes, secrets</th></tr></thead><tbody>");
        foreach (var tenant in world.Tenants)
            foreach (var app in tenant.Applications)
            {
                var kind = app.HasSecrets ? "confidential" : app.IsFallbackPublicClient ? "public client" : "web API";
                var details = new List<string>();
                details.AddRange(RedirectUris.Registered(app, origin).Select(u => $"redirect <code>{E(u)}</code>"));
                details.AddRange(app.IdentifierUris.SelectMany(u => app.Api.Oauth2PermissionScopes.Select(s => $"scope <code>{E(u)}/{E(s.Value)}</code>")));
                details.AddRange(credentials.SecretsOf(app).Select(s => $"secret <code>{E(s)}</code>"));
                html.Append($"<tr><td>{E(app.DisplayName)}</td><td><code>{app.AppId:D}</code></td><td>{kind}{(app.IsMultiTenant ? ", multi-tenant" : "")}</td>" +
                            $"<td>{E(tenant.Organization.DisplayName)}</td><td>{string.Join("<br>", details)}</td></tr>");
            }
        html.Append("</tbody></table>");

        html.Append($$"""
            <h2 id="endpoints">Endpoints</h2>
            <ul>
            <li>Discovery <code>{{E(origin)}}/{tenant}/v2.0/.well-known/openid-configuration</code></li>
            <li>Admin console <a href="/admin"><code>{{E(origin)}}/admin</code></a>: sign in as a tenant's administrator to see and change its settings and logs</li>
            <li>Token inspector <a href="/inspect"><code>{{E(origin)}}/inspect</code></a>: paste a token, or register it as a redirect URI</li>
            <li>Authorize <code>{{E(origin)}}/{tenant}/oauth2/v2.0/authorize</code>, token <code>…/oauth2/v2.0/token</code>, device code <code>…/oauth2/v2.0/devicecode</code>, logout <code>…/oauth2/v2.0/logout</code></li>
            <li>Keys <code>{{E(origin)}}/{tenant}/discovery/v2.0/keys</code>, user info <code>{{E(origin)}}/oidc/userinfo</code>, device sign-in <a href="/devicelogin">/devicelogin</a></li>
            </ul>
            <p><code>{tenant}</code>: a tenant id, a verified domain, <code>common</code> or <code>organizations</code>.</p>
            """);
        html.Append(Snippets(world, origin));
        return Page("FakeEntra", null, html.ToString(), wide: true);
    }

    private static string Snippets(DirectorySnapshot world, string origin)
    {
        var tenant = world.Tenants[0].Organization;
        var api = world.Tenants.SelectMany(t => t.Applications).FirstOrDefault(a => a.IdentifierUris.Count > 0 && a.Api.Oauth2PermissionScopes.Count > 0);
        var client = world.Tenants.SelectMany(t => t.Applications).FirstOrDefault(a => a.IsFallbackPublicClient);
        var scope = api is null ? "User.Read" : $"{api.IdentifierUris[0]}/{api.Api.Oauth2PermissionScopes[0].Value}";
        var clientId = client?.AppId.ToString("D") ?? "{client id}";
        var apiId = api?.AppId.ToString("D") ?? "{api app id}";
        return $$"""
            <h2 id="config">Configuration</h2>
            <h3>MSAL.NET</h3>
            <pre><code>{{E($$"""
            var app = PublicClientApplicationBuilder.Create("{{clientId}}")
                .WithAuthority("{{origin}}/{{tenant.Id:D}}", validateAuthority: false)
                .WithInstanceDiscovery(false)   // do not ask login.microsoftonline.com about this host
                .WithDefaultRedirectUri()
                .Build();
            var result = await app.AcquireTokenInteractive(["{{scope}}"]).ExecuteAsync();
            """)}}</code></pre>
            <h3>Microsoft.Identity.Web (web API, appsettings.json)</h3>
            <pre><code>{{E($$"""
            "AzureAd": { "Instance": "{{origin}}/", "TenantId": "{{tenant.Id:D}}", "ClientId": "{{apiId}}" }
            """)}}</code></pre>
            <h3>ASP.NET Core OpenID Connect</h3>
            <pre><code>{{E($$"""
            .AddOpenIdConnect(o =>
            {
                o.Authority = "{{origin}}/{{tenant.Id:D}}/v2.0";
                o.ClientId = "{client id}";
                o.ClientSecret = "{client secret}";
                o.ResponseType = "code";
            });
            """)}}</code></pre>
            <h3>msal-node</h3>
            <pre><code>{{E($$$"""
            const pca = new msal.PublicClientApplication({ auth: {
              clientId: "{{{clientId}}}",
              authority: "{{{origin}}}/{{{tenant.Id:D}}}",
              knownAuthorities: ["{{{new Uri(origin).Authority}}}"],
            }});
            // Node must trust the CA: NODE_EXTRA_CA_CERTS=/path/to/ca.crt
            """)}}</code></pre>
            """;
    }
}
