using System.Text.Json.Nodes;
using FakeEntra.Server.Tests.Infrastructure;

namespace FakeEntra.Server.Tests;

/// <summary>
/// The default world plus a Contoso middle-tier API ("Contoso Portal API", confidential) that the Shared Channels Client may
/// call and that may call the Shared Channels and Files APIs on behalf of its users: the on-behalf-of chain of a resource
/// tenant whose Conditional Access protects the downstream APIs only.
/// </summary>
public sealed class MiddleTierWorld : IAsyncLifetime
{
    public const string Portal = "c0000000-0000-4000-8000-0000000000b1";
    public const string PortalSecret = "Portal~Secret~1";
    public const string PortalScope = "api://c0000000-0000-4000-8000-0000000000b1/Portal.Use";
    private const string PortalSp = "c0000000-0000-4000-8000-0000000000b2";

    public FakeEntraServer Server { get; } = new() { Scenario = DefaultWorldWith.Write(AddPortal) };
    public Task InitializeAsync() => Server.InitializeAsync();
    public Task DisposeAsync() => Server.DisposeAsync();

    public static void AddPortal(JsonObject world)
    {
        var contoso = DefaultWorldWith.Tenant(world, World.Contoso);
        contoso["applications"]!.AsArray().Add(JsonNode.Parse($$"""
            {
              "id": "c0000000-0000-4000-8000-0000000000b0", "appId": "{{Portal}}", "displayName": "Contoso Portal API",
              "signInAudience": "AzureADMyOrg", "identifierUris": ["api://{{Portal}}"],
              "api": { "requestedAccessTokenVersion": 2, "oauth2PermissionScopes": [
                { "id": "c0000000-0000-4000-8000-0000000000b3", "value": "Portal.Use", "type": "User", "adminConsentDisplayName": "Use the portal" } ] },
              "passwordCredentials": [ { "displayName": "Portal secret", "secretText": "{{PortalSecret}}" } ],
              "tags": ["FakeEntra.B2BDirectConnect"]
            }
            """));
        contoso["servicePrincipals"]!.AsArray().Add(JsonNode.Parse($$"""{ "id": "{{PortalSp}}", "appId": "{{Portal}}", "displayName": "Contoso Portal API" }"""));
        var grants = contoso["oauth2PermissionGrants"]!.AsArray();
        grants.Add(Grant("3b1e8a9a-241b-432a-9e98-5605df3b8704", PortalSp, "Portal.Use")); // Shared Channels Client → portal
        grants.Add(Grant(PortalSp, "03790a5d-d85a-4467-b548-6e7be72b552c", "Channels.ReadWrite"));
        grants.Add(Grant(PortalSp, "c36c219c-0dd8-4cf9-95aa-60880807fa4f", "Files.ReadWrite"));
        grants.Add(Grant(PortalSp, "fb18cabc-b0f2-4590-b7d1-f59d47d47321", "User.Read"));
    }

    private static JsonNode Grant(string client, string resource, string scope) =>
        JsonNode.Parse($$"""{ "clientId": "{{client}}", "consentType": "AllPrincipals", "resourceId": "{{resource}}", "scope": "{{scope}}" }""")!;
}
