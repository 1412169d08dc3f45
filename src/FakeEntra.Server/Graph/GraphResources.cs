namespace FakeEntra.Server.Graph;

/// <summary>The writable Graph resources, with the property names Graph's v1.0 reference gives for their create and update bodies.</summary>
public static class GraphResources
{
    public static readonly GraphResource User = new("User")
    {
        AssignsId = true,
        Writable = ["accountEnabled", "displayName", "givenName", "surname", "mail", "mailNickname", "userPrincipalName", "passwordProfile"],
        RequiredOnCreate = ["accountEnabled", "displayName", "mailNickname", "userPrincipalName", "passwordProfile"],
        ReadOnly =
        [
            "id", "createdDateTime", "deletedDateTime", "creationType", "externalUserState", "externalUserStateChangeDateTime",
            "lastPasswordChangeDateTime", "signInSessionsValidFromDateTime", "signInActivity", "securityIdentifier", "assignedLicenses",
            "assignedPlans", "provisionedPlans", "licenseAssignmentStates", "proxyAddresses", "imAddresses", "onPremisesDistinguishedName",
            "onPremisesDomainName", "onPremisesLastSyncDateTime", "onPremisesProvisioningErrors", "onPremisesSamAccountName",
            "onPremisesSecurityIdentifier", "onPremisesSyncEnabled", "onPremisesUserPrincipalName",
            // Relationships have their own routes.
            "appRoleAssignments", "authentication", "createdObjects", "directReports", "extensions", "licenseDetails", "manager", "memberOf",
            "oauth2PermissionGrants", "ownedDevices", "ownedObjects", "registeredDevices", "sponsors", "transitiveMemberOf",
        ],
        NotSupported =
        [
            "aboutMe", "ageGroup", "birthday", "businessPhones", "city", "companyName", "consentProvidedForMinor", "country",
            "customSecurityAttributes", "department", "employeeHireDate", "employeeId", "employeeLeaveDateTime", "employeeOrgData",
            "employeeType", "faxNumber", "hireDate", "identities", "interests", "jobTitle", "mailboxSettings", "mobilePhone", "mySite",
            "officeLocation", "onPremisesExtensionAttributes", "onPremisesImmutableId", "otherMails", "passwordPolicies", "pastProjects",
            "postalCode", "preferredDataLocation", "preferredLanguage", "preferredName", "responsibilities", "schools", "skills", "state",
            "streetAddress", "usageLocation",
            // Guests come from invitations; FakeEntra does not turn members into guests or back.
            "userType",
        ],
    };

    public static readonly GraphResource Group = new("Group")
    {
        AssignsId = true,
        Writable = ["displayName", "description", "mailNickname", "securityEnabled", "mailEnabled", "groupTypes"],
        RequiredOnCreate = ["displayName", "mailEnabled", "mailNickname", "securityEnabled"],
        ReadOnly =
        [
            "id", "createdDateTime", "deletedDateTime", "expirationDateTime", "renewedDateTime", "mail", "proxyAddresses", "securityIdentifier",
            "onPremisesDomainName", "onPremisesLastSyncDateTime", "onPremisesNetBiosName", "onPremisesProvisioningErrors",
            "onPremisesSamAccountName", "onPremisesSecurityIdentifier", "onPremisesSyncEnabled",
            // Members change through members/$ref.
            "members", "owners", "memberOf", "transitiveMembers", "transitiveMemberOf", "appRoleAssignments",
        ],
        NotSupported =
        [
            "allowExternalSenders", "assignedLabels", "autoSubscribeNewMembers", "classification", "hideFromAddressLists",
            "hideFromOutlookClients", "isAssignableToRole", "membershipRule", "membershipRuleProcessingState", "preferredDataLocation",
            "preferredLanguage", "resourceBehaviorOptions", "resourceProvisioningOptions", "serviceManagementReference", "theme",
            "uniqueName", "visibility", "members@odata.bind", "owners@odata.bind",
        ],
    };

    public static readonly GraphResource ConditionalAccessPolicy = new("ConditionalAccessPolicy")
    {
        AssignsId = true,
        Writable = ["displayName", "state", "conditions", "grantControls"],
        ReadOnly = ["id", "createdDateTime", "modifiedDateTime", "templateId"],
        NotSupported = ["sessionControls"],
    };

    public static readonly GraphResource CrossTenantAccessPolicy = new("CrossTenantAccessPolicy")
    {
        Writable = ["displayName", "allowedCloudEndpoints"],
        ReadOnly = ["id", "default", "partners", "templates"],
    };

    private static readonly string[] ConfigurationSettings =
    [
        "inboundTrust", "b2bCollaborationInbound", "b2bCollaborationOutbound", "b2bDirectConnectInbound", "b2bDirectConnectOutbound",
        "tenantRestrictions", "automaticUserConsentSettings",
    ];

    public static readonly GraphResource CrossTenantAccessPolicyConfigurationDefault = new("CrossTenantAccessPolicyConfigurationDefault")
    {
        Writable = ConfigurationSettings,
        ReadOnly = ["id", "isServiceDefault"],
        NotSupported = ["invitationRedemptionIdentityProviderConfiguration"],
    };

    public static readonly GraphResource CrossTenantAccessPolicyConfigurationPartner = new("CrossTenantAccessPolicyConfigurationPartner")
    {
        Writable = [.. ConfigurationSettings, "isServiceProvider", "isInMultiTenantOrganization"],
        Keys = ["tenantId"],
        NotSupported = ["identitySynchronization"],
    };

    public static readonly GraphResource Invitation = new("Invitation")
    {
        Writable = ["invitedUserEmailAddress", "inviteRedirectUrl", "invitedUserDisplayName", "sendInvitationMessage", "invitedUserType"],
        ReadOnly = ["id", "inviteRedeemUrl", "status"],
        NotSupported = ["invitedUser", "invitedUserMessageInfo", "invitedUserSponsors", "resetRedemption"],
    };

    /// <summary>FakeEntra's own <c>POST /fakeentra/whatIf</c>.</summary>
    public static readonly GraphResource WhatIfRequest = new("WhatIfRequest")
    {
        Writable = ["userPrincipalName", "resourceAppId", "clientAppId", "mfaDone", "deviceId", "tenantRestrictionsPolicy", "interactive"],
    };
}
