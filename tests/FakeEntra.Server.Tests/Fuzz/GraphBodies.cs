using System.Text.Json.Nodes;

namespace FakeEntra.Server.Tests.Fuzz;

/// <summary>Well-formed bodies for the Graph routes that take one, as the Graph SDK sends them; the mutators break them.</summary>
public static class GraphBodies
{
    public const string Laptop = Infrastructure.PrivacyConsent.Laptop;
    public const string Litware = "9b857bb0-5fb4-4a8c-a685-a9b12a25ae3e";

    public static JsonObject User(Random random)
    {
        var n = random.Next(Users.Created);
        var user = new JsonObject
        {
            ["accountEnabled"] = true,
            ["displayName"] = $"Fuzz {n}",
            ["mailNickname"] = $"fuzz{n}",
            ["userPrincipalName"] = Users.CreatedName(n),
            ["passwordProfile"] = new JsonObject { ["password"] = World.Password, ["forceChangePasswordNextSignIn"] = false },
        };
        if (random.Chance(0.3))
            user["authenticationMethods"] = new JsonArray(new JsonObject { ["@odata.type"] = "#microsoft.graph.softwareOathAuthenticationMethod", ["secretKey"] = "JBSWY3DPEHPK3PXP" });
        return user;
    }

    public static JsonObject UserPatch(Random random) => new()
    {
        ["displayName"] = "Renamed",
        ["givenName"] = "Given",
        [random.Pick(["surname", "mail", "accountEnabled", "passwordProfile"])] = random.Chance(0.5) ? "x" : new JsonObject { ["password"] = World.Password },
    };

    public static JsonObject Group(Random random) => new()
    {
        ["displayName"] = "Fuzz group " + random.Next(100),
        ["mailNickname"] = "fuzzgroup",
        ["securityEnabled"] = true,
        ["mailEnabled"] = false,
        ["groupTypes"] = new JsonArray(),
        ["description"] = "made by the fuzz run",
    };

    public static JsonObject MemberReference(Random random) => new()
    {
        ["@odata.id"] = $"https://graph.microsoft.com/v1.0/directoryObjects/{random.Pick([World.Alice, "c8cacd94-1781-404b-bfb0-e99a39bbe865", World.Bob])}",
    };

    public static JsonObject Invitation(Random random) => new()
    {
        ["invitedUserEmailAddress"] = random.Pick(["dan@northwind.com", "bob@fabrikam.com", "eve@litware.com", "alice@contoso.com"]),
        ["inviteRedirectUrl"] = "https://myapps.microsoft.com",
        ["invitedUserDisplayName"] = "Invited",
        ["sendInvitationMessage"] = false,
        ["invitedUserType"] = random.Pick(["Guest", "Member"]),
    };

    public static JsonObject PolicyRoot(Random random) => new()
    {
        ["displayName"] = "CrossTenantAccessPolicy",
        ["allowedCloudEndpoints"] = new JsonArray(random.Pick(["microsoftonline.us", "partner.microsoftonline.cn"])),
    };

    /// <summary>A default or partner configuration: the inbound and outbound settings, targets and trust.</summary>
    public static JsonObject CrossTenantConfiguration(Random random, string? tenantId)
    {
        var configuration = new JsonObject();
        if (tenantId is not null) configuration["tenantId"] = tenantId;
        configuration[random.Pick(["b2bDirectConnectInbound", "b2bDirectConnectOutbound", "b2bCollaborationInbound", "b2bCollaborationOutbound"])] = new JsonObject
        {
            ["usersAndGroups"] = Targets(random.Pick(["allowed", "blocked"]), random.Pick(["AllUsers", "4b482ed1-2c44-46a5-a281-3faa7928b39f"]), random.Pick(["user", "group"])),
            ["applications"] = Targets("allowed", "AllApplications", "application"),
        };
        if (random.Chance(0.5))
            configuration["inboundTrust"] = new JsonObject { ["isMfaAccepted"] = true, ["isCompliantDeviceAccepted"] = false, ["isHybridAzureADJoinedDeviceAccepted"] = false };
        if (random.Chance(0.2))
            configuration["tenantRestrictions"] = new JsonObject { ["usersAndGroups"] = Targets("blocked", "AllUsers", "user"), ["applications"] = Targets("blocked", "AllApplications", "application") };
        return configuration;
    }

    public static JsonObject ConditionalAccessPolicy(Random random) => new()
    {
        ["displayName"] = "Fuzz policy",
        ["state"] = random.Pick(["enabledForReportingButNotEnforced", "disabled"]),
        ["conditions"] = new JsonObject
        {
            ["users"] = new JsonObject
            {
                ["includeGuestsOrExternalUsers"] = new JsonObject
                {
                    ["guestOrExternalUserTypes"] = "b2bCollaborationGuest,b2bDirectConnectUser",
                    ["externalTenants"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.conditionalAccessAllExternalTenants", ["membershipKind"] = "all" },
                },
                ["includeUsers"] = new JsonArray(random.Pick(["None", World.Alice])),
            },
            ["applications"] = new JsonObject { ["includeApplications"] = new JsonArray(World.SharedChannelsApi) },
        },
        ["grantControls"] = new JsonObject { ["operator"] = random.Pick(["OR", "AND"]), ["builtInControls"] = new JsonArray("mfa", "compliantDevice") },
    };

    public static JsonObject WhatIf(Random random) => new()
    {
        ["userPrincipalName"] = random.Pick(["bob@fabrikam.com", "dan@northwind.com", "alice@contoso.com", "carol@fabrikam.com"]),
        ["resourceAppId"] = random.Pick([World.SharedChannelsApi, World.FilesApi]),
        ["clientAppId"] = World.Client,
        ["mfaDone"] = random.Chance(0.5),
        ["deviceId"] = Laptop,
        ["tenantRestrictionsPolicy"] = "641fb213-6aa7-422e-9fea-915a8e22bf84:0b51fa8f-feef-4f8c-a9a8-bcbf021dc5c4",
        ["interactive"] = random.Chance(0.5),
    };

    private static JsonObject Targets(string accessType, string target, string targetType) => new()
    {
        ["accessType"] = accessType,
        ["targets"] = new JsonArray(new JsonObject { ["target"] = target, ["targetType"] = targetType }),
    };
}
