using System.Text.Json.Nodes;

namespace FakeEntra.Server.Tests.Fuzz;

/// <summary>
/// Every route of the Graph-shaped API (<c>/v1.0</c>) and FakeEntra's extensions (<c>/fakeentra</c>), mostly with a real
/// admin token so that requests get past authentication to the ids, the OData options and the body: malformed and hostile
/// JSON, wrong content types, odd ids in the path.
/// </summary>
public sealed class GraphFamily(FuzzArtifacts artifacts) : IFuzzFamily
{
    private const string Policy = "/v1.0/policies/crossTenantAccessPolicy";
    private const string ConditionalAccess = "/v1.0/identity/conditionalAccess/policies";
    private static readonly string[] Partners = [World.Fabrikam, GraphBodies.Litware, World.Northwind, World.Contoso];
    private static readonly string[] Policies = ["f9220e94-c1f8-43e0-a8a9-6b9d3c67a26d", "6c553977-4803-411b-9c48-84a8de31e8f7"];
    private static readonly string[] UserIds = [World.Alice, World.Bob, "c8cacd94-1781-404b-bfb0-e99a39bbe865", "alice@contoso.com", .. Users.AllCreated];
    private static readonly string[] GroupIds = ["4b482ed1-2c44-46a5-a281-3faa7928b39f", "00000000-0000-0000-0000-000000000001"];
    private static readonly string[] DirectoryIds = ["43ea08a8-b97e-4696-aaf2-1e7661006d98", "4d365808-b952-416e-a7fb-37956628f0ee", "fb18cabc-b0f2-4590-b7d1-f59d47d47321", "cde1f839-6a09-47e9-a4b2-492b6c661861"];
    private static readonly string?[] OddContentTypes = [null, "text/plain", "application/x-www-form-urlencoded", "application/json; charset=utf-16", "application/xml", "application/json;odata.metadata=full", "multipart/form-data; boundary=x"];

    /// <summary>A route: method, template, how its path is filled in, its body (if it takes one) and whether it lists with OData options.</summary>
    private sealed record GraphRoute(string Method, string Template, Func<Random, (string Path, string Kind)> Path, Func<Random, JsonObject>? Body = null, bool Lists = false);

    private static readonly GraphRoute[] Routes =
    [
        new("GET", Policy, Fixed(Policy)),
        new("PATCH", Policy, Fixed(Policy), GraphBodies.PolicyRoot),
        new("GET", Policy + "/default", Fixed(Policy + "/default")),
        new("PATCH", Policy + "/default", Fixed(Policy + "/default"), r => GraphBodies.CrossTenantConfiguration(r, null)),
        new("POST", Policy + "/default/resetToSystemDefault", Fixed(Policy + "/default/resetToSystemDefault")),
        new("GET", Policy + "/partners", Fixed(Policy + "/partners")),
        new("POST", Policy + "/partners", Fixed(Policy + "/partners"), r => GraphBodies.CrossTenantConfiguration(r, r.Pick(Partners))),
        new("GET", Policy + "/partners/{tenantId}", Id(Policy + "/partners/", Partners)),
        new("PATCH", Policy + "/partners/{tenantId}", Id(Policy + "/partners/", Partners), r => GraphBodies.CrossTenantConfiguration(r, null)),
        new("DELETE", Policy + "/partners/{tenantId}", Id(Policy + "/partners/", [GraphBodies.Litware, World.Northwind])),
        new("GET", "/v1.0/auditLogs/signIns", Fixed("/v1.0/auditLogs/signIns"), Lists: true),
        new("GET", "/v1.0/auditLogs/directoryAudits", Fixed("/v1.0/auditLogs/directoryAudits"), Lists: true),
        new("GET", "/v1.0/organization", Fixed("/v1.0/organization")),
        new("GET", "/v1.0/organization/{id}", Id("/v1.0/organization/", [World.Contoso, World.Fabrikam])),
        new("GET", "/v1.0/tenantRelationships/findTenantInformationByDomainName(domainName='{domain}')", Domain),
        new("GET", ConditionalAccess, Fixed(ConditionalAccess)),
        new("GET", ConditionalAccess + "/{id}", Id(ConditionalAccess + "/", Policies)),
        new("POST", ConditionalAccess, Fixed(ConditionalAccess), GraphBodies.ConditionalAccessPolicy),
        new("PATCH", ConditionalAccess + "/{id}", Id(ConditionalAccess + "/", Policies), GraphBodies.ConditionalAccessPolicy),
        new("DELETE", ConditionalAccess + "/{id}", Id(ConditionalAccess + "/", [Policies[1], "00000000-0000-0000-0000-000000000002"])),
        new("POST", "/v1.0/invitations", Fixed("/v1.0/invitations"), GraphBodies.Invitation),
        new("GET", "/v1.0/users", Fixed("/v1.0/users"), Lists: true),
        new("GET", "/v1.0/users/{id}", Id("/v1.0/users/", UserIds), Lists: true),
        new("POST", "/v1.0/users", Fixed("/v1.0/users"), GraphBodies.User),
        new("PATCH", "/v1.0/users/{id}", Id("/v1.0/users/", UserIds), GraphBodies.UserPatch),
        new("DELETE", "/v1.0/users/{id}", Id("/v1.0/users/", [.. Users.AllCreated, "00000000-0000-0000-0000-000000000003"])),
        new("GET", "/v1.0/groups", Fixed("/v1.0/groups"), Lists: true),
        new("GET", "/v1.0/groups/{id}", Id("/v1.0/groups/", GroupIds)),
        new("POST", "/v1.0/groups", Fixed("/v1.0/groups"), GraphBodies.Group),
        new("PATCH", "/v1.0/groups/{id}", Id("/v1.0/groups/", GroupIds), GraphBodies.Group),
        new("DELETE", "/v1.0/groups/{id}", Id("/v1.0/groups/", ["00000000-0000-0000-0000-000000000004"])),
        new("GET", "/v1.0/groups/{id}/members", Id("/v1.0/groups/", GroupIds, "/members"), Lists: true),
        new("POST", "/v1.0/groups/{id}/members/$ref", Id("/v1.0/groups/", GroupIds, "/members/$ref"), GraphBodies.MemberReference),
        new("DELETE", "/v1.0/groups/{id}/members/{memberId}/$ref", MemberRemoval),
        new("GET", "/v1.0/devices", Fixed("/v1.0/devices"), Lists: true),
        new("GET", "/v1.0/devices/{id}", Id("/v1.0/devices/", DirectoryIds)),
        new("GET", "/v1.0/applications", Fixed("/v1.0/applications"), Lists: true),
        new("GET", "/v1.0/applications/{id}", Id("/v1.0/applications/", DirectoryIds)),
        new("GET", "/v1.0/servicePrincipals", Fixed("/v1.0/servicePrincipals"), Lists: true),
        new("GET", "/v1.0/servicePrincipals/{id}", Id("/v1.0/servicePrincipals/", DirectoryIds)),
        new("POST", "/fakeentra/whatIf", Fixed("/fakeentra/whatIf"), GraphBodies.WhatIf),
        new("GET", "/fakeentra/externalUsers?email={email}", Email),
        new("GET", "/fakeentra/me/privacyConsents", Fixed("/fakeentra/me/privacyConsents")),
        new("DELETE", "/fakeentra/me/privacyConsents/{tenantId}", Id("/fakeentra/me/privacyConsents/", Partners)),
        new("PUT", "/v1.0/users/{id} (unmapped method)", Id("/v1.0/users/", UserIds), GraphBodies.UserPatch),
    ];

    public string Name => "graph";
    public int Weight => 26;

    public FuzzCase Next(Random random)
    {
        var route = random.Pick(Routes);
        var (path, pathKind) = route.Path(random);
        var notes = new List<string>();
        if (pathKind.Length > 0) notes.Add(pathKind);
        var headers = new List<KeyValuePair<string, string>>();
        // alice's delegated token for the /fakeentra/me routes, which only a user has; app-only admins elsewhere.
        var real = path.StartsWith("/fakeentra/", StringComparison.Ordinal) && random.Chance(0.5) ? artifacts.UserGraphToken
            : random.Chance(0.85) ? artifacts.AdminGraphTokens[0] : random.Chance(0.5) ? artifacts.UserGraphToken : artifacts.AdminGraphTokens[1];
        var (authorization, authKind) = BearerTokens.Header(random, real, [.. artifacts.AllTokens], realShare: 0.85);
        if (authorization is not null) headers.Add(new("Authorization", authorization));
        if (authKind.Length > 0) notes.Add(authKind);

        if (route.Lists || random.Chance(0.05))
        {
            var (options, optionsKind) = ODataQueries.Pick(random);
            path += (path.Contains('?') ? "&" : "?") + string.Join('&', options.Select(o => $"{o.Key.Replace(" ", "%20", StringComparison.Ordinal)}={Uri.EscapeDataString(o.Value)}"));
            notes.Add(optionsKind);
            if (random.Chance(0.3)) headers.Add(new("ConsistencyLevel", random.Pick(["eventual", "EVENTUAL", "strong", ""])));
        }
        byte[]? body = null;
        string? contentType = null;
        JsonObject? template = null;
        if (route.Body is not null || random.Chance(0.03))
        {
            string bodyKind;
            template = route.Body?.Invoke(random) ?? [];
            (body, bodyKind) = JsonMutator.Mutate(random, template);
            notes.Add(bodyKind);
            contentType = "application/json";
            if (random.Chance(0.1))
            {
                contentType = random.Pick(OddContentTypes);
                notes.Add($"content type {contentType ?? "missing"}");
            }
        }
        return new FuzzCase
        {
            Method = route.Method,
            Target = path,
            Route = $"{route.Method} {route.Template}",
            Input = notes.Count > 0 ? string.Join("; ", notes) : "well-formed",
            Headers = headers,
            Body = body,
            ContentType = contentType,
            Then = route.Method != "GET" && random.Chance(0.5) ? SignInProbe.After(random, $"{route.Method} {route.Template}", Subject(template, path)) : null,
        };
    }

    private static Func<Random, (string, string)> Fixed(string path) => _ => (path, "");

    /// <summary>The user a change is about: the body's userPrincipalName, or a name in the path.</summary>
    private static string? Subject(JsonObject? body, string path)
    {
        if (body?["userPrincipalName"] is JsonValue value && value.TryGetValue<string>(out var name)) return name;
        var id = Uri.UnescapeDataString(path.Split('?')[0].Split('/')[^1]);
        return path.Contains("/users/", StringComparison.Ordinal) && id.Contains('@') ? id : null;
    }

    /// <summary>A path ending in an id: a real one mostly, otherwise an odd one (escaped hostile text, an odd GUID, overlong).</summary>
    private static Func<Random, (string, string)> Id(string prefix, IReadOnlyList<string> real, string suffix = "") => random =>
    {
        if (random.Chance(0.75)) return ($"{prefix}{Uri.EscapeDataString(random.Pick(real))}{suffix}", "");
        var (kind, id) = random.Chance(0.3) ? ("odd GUID", HostileText.OddGuid(random)) : HostileText.Any(random);
        return ($"{prefix}{Uri.EscapeDataString(id)}{suffix}", $"id: {kind}");
    };

    private static (string, string) MemberRemoval(Random random)
    {
        var (group, groupKind) = Id("/v1.0/groups/", GroupIds, "/members/")(random);
        var (path, memberKind) = Id(group, UserIds, "/$ref")(random);
        return (path, string.Join(", ", new[] { groupKind, memberKind }.Where(k => k.Length > 0)));
    }

    private static (string, string) Domain(Random random)
    {
        var (kind, domain) = random.Chance(0.5) ? ("domain", random.Pick(["contoso.com", "fabrikam.com", "nowhere.example"])) : HostileText.Any(random);
        return ($"/v1.0/tenantRelationships/findTenantInformationByDomainName(domainName='{Uri.EscapeDataString(domain)}')", kind == "domain" ? "" : $"domain: {kind}");
    }

    private static (string, string) Email(Random random)
    {
        var (kind, email) = random.Chance(0.5) ? ("email", random.Pick(["bob@fabrikam.com", "carol@fabrikam.com", "dan@northwind.com", "alice@contoso.com"])) : HostileText.Any(random);
        return ($"/fakeentra/externalUsers?email={Uri.EscapeDataString(email)}", kind == "email" ? "" : $"email: {kind}");
    }

}
