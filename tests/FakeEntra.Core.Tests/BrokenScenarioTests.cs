using System.Text.Json.Nodes;
using FakeEntra.Core.Scenarios;

namespace FakeEntra.Core.Tests;

public class BrokenScenarioTests
{
    private const string Valid = """
        {
          "tenants": [
            {
              "organization": { "id": "11111111-1111-1111-1111-111111111111", "displayName": "One", "verifiedDomains": [ { "name": "one.com", "isDefault": true } ] },
              "users": [ { "id": "aaaaaaaa-0000-0000-0000-000000000001", "userPrincipalName": "ann@one.com", "passwordProfile": { "password": "x" } } ],
              "applications": [ { "id": "aaaaaaaa-0000-0000-0000-000000000002", "appId": "bbbbbbbb-0000-0000-0000-000000000001", "displayName": "App" } ],
              "servicePrincipals": [ { "id": "aaaaaaaa-0000-0000-0000-000000000003", "appId": "bbbbbbbb-0000-0000-0000-000000000001" } ]
            },
            {
              "organization": { "id": "22222222-2222-2222-2222-222222222222", "displayName": "Two", "verifiedDomains": [ { "name": "two.com" } ] }
            }
          ]
        }
        """;

    [Fact]
    public void The_valid_base_loads() => Assert.Equal(2, ScenarioLoader.Parse(Valid, "base.json").Tenants.Count);

    public static TheoryData<string, string, string> Cases => new()
    {
        { "$.tenants[0].users[0].id", "\"not-a-guid\"", "could not be converted" },
        { "$.tenants[0].users[0].userPrincipalName", "\"ann@elsewhere.com\"", "not a verified domain of this tenant" },
        { "$.tenants[0].users[0].userType", "\"Visitor\"", "is not a user type" },
        { "$.tenants[1].organization.verifiedDomains[0].name", "\"one.com\"", "verified by more than one tenant" },
        { "$.tenants[1].organization.id", "\"11111111-1111-1111-1111-111111111111\"", "declared twice" },
        { "$.tenants[0].servicePrincipals[0].appId", "\"cccccccc-0000-0000-0000-000000000009\"", "no application has appId" },
        { "$.tenants[0].applications[0].signInAudience", "\"Everyone\"", "is not one of" },
        { "$.tenants[0].crossTenantAccessPolicy", """{ "partners": [ { "tenantId": "11111111-1111-1111-1111-111111111111" } ] }""", "own partner" },
        { "$.tenants[0].crossTenantAccessPolicy", """{ "partners": [ { "tenantId": "33333333-3333-3333-3333-333333333333" } ] }""", "no tenant 33333333" },
        { "$.tenants[0].crossTenantAccessPolicy", """{ "default": { "b2bDirectConnectInbound": { "usersAndGroups": { "accessType": "sometimes", "targets": [ { "target": "AllUsers", "targetType": "user" } ] }, "applications": { "accessType": "blocked", "targets": [ { "target": "AllApplications", "targetType": "application" } ] } } } }""", "not a valid accessType" },
        { "$.tenants[0].crossTenantAccessPolicy", """{ "default": { "b2bDirectConnectInbound": { "usersAndGroups": { "accessType": "blocked", "targets": [ { "target": "AllUsers", "targetType": "user" } ] }, "applications": { "accessType": "allowed", "targets": [ { "target": "AllApplications", "targetType": "application" } ] } } } }""", "must block all applications too" },
        { "$.tenants[0].conditionalAccessPolicies", """[ { "id": "dddddddd-0000-0000-0000-000000000001", "displayName": "p", "conditions": { "users": { "includeUsers": ["All"] }, "applications": { "includeApplications": ["All"] } }, "grantControls": { "operator": "XOR", "builtInControls": ["mfa"] } } ]""", "is not AND or OR" },
        { "$.tenants[0].users[0].privacyConsents", """["11111111-1111-1111-1111-111111111111"]""", "not of its own" },
        { "$.tenants[0].users[0].privacyConsents", """["33333333-3333-3333-3333-333333333333"]""", "no tenant 33333333" },
        { "$.tenants[0].users[0].privacyConsents", """["22222222-2222-2222-2222-222222222222", "22222222-2222-2222-2222-222222222222"]""", "listed twice" },
        { "$.tenants[0].users[0].privacyConsents", """["not-a-guid"]""", "could not be converted" },
        { "$.tenants[0].users[0].surprise", "true", "could not be mapped" },
        { "$.tenants[0].users[0].authenticationMethods", "[null]", "null is not allowed in a list" },
        { "$.tenants[0].users", "[null]", "null is not allowed in a list" },
        { "$.tenants[0].crossTenantAccessPolicy", """{ "default": { "b2bDirectConnectInbound": { "usersAndGroups": { "accessType": "allowed", "targets": [ null ] }, "applications": { "accessType": "allowed", "targets": [ { "target": "AllApplications", "targetType": "application" } ] } } } }""", "null is not allowed in a list" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_broken_scenario_names_the_file_the_json_path_and_the_problem(string path, string replacement, string problem)
    {
        var document = JsonNode.Parse(Valid)!;
        Set(document, path, JsonNode.Parse(replacement));
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(document.ToJsonString(), "broken.json"));
        Assert.Equal("broken.json", error.ScenarioSource);
        Assert.StartsWith(path.Split('.')[..3].Aggregate((a, b) => a + "." + b), error.JsonPath);
        Assert.Contains(problem, error.Problem);
        Assert.Contains("broken.json", error.Message);
        Assert.Contains(error.JsonPath, error.Message);
    }

    [Fact]
    public void A_user_declares_privacy_statements_already_accepted_on_the_home_account()
    {
        var document = JsonNode.Parse(Valid)!;
        Set(document, "$.tenants[0].users[0].privacyConsents", JsonNode.Parse("""["22222222-2222-2222-2222-222222222222"]"""));
        var ann = ScenarioLoader.Parse(document.ToJsonString(), "consents.json").Tenants[0].Users[0];
        Assert.Equal([new Guid("22222222-2222-2222-2222-222222222222")], ann.PrivacyConsents);
    }

    [Fact]
    public void A_guest_declares_no_privacy_consents()
    {
        var document = JsonNode.Parse(Valid)!;
        Set(document, "$.tenants[1].users", JsonNode.Parse("""
            [ { "id": "aaaaaaaa-0000-0000-0000-000000000009", "userPrincipalName": "ann_one.com#EXT#@two.com", "userType": "Guest", "mail": "ann@one.com",
                "privacyConsents": ["11111111-1111-1111-1111-111111111111"] } ]
            """));
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(document.ToJsonString(), "guest.json"));
        Assert.Equal("$.tenants[1].users[0].privacyConsents", error.JsonPath);
        Assert.Contains("declare them on its home account", error.Problem);
    }

    [Fact]
    public void Syntax_errors_report_their_line()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("{\n  \"tenants\": [ ,\n", "syntax.json"));
        Assert.Contains("line 2", error.Problem);
    }

    [Fact]
    public void A_missing_file_is_reported_as_such()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadFile("/nonexistent/world.json"));
        Assert.Contains("cannot be read", error.Problem);
    }

    private static void Set(JsonNode root, string path, JsonNode? value)
    {
        var parts = path[2..].Replace("]", "").Split('.', '[');
        var node = root;
        for (var i = 0; i < parts.Length - 1; i++)
            node = int.TryParse(parts[i], out var index) ? node![index]! : node![parts[i]]!;
        node![parts[^1]] = value;
    }
}
