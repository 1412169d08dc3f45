using FakeEntra.Core.ConditionalAccess;
using FakeEntra.Core.CrossTenantAccess;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Security;
using FakeEntra.Core.Tenancy;
using FakeEntra.Core.Tokens;

namespace FakeEntra.Core.Scenarios;

/// <summary>The rules a world must keep beyond what its JSON types say: references resolve, ids are unique, values are known.</summary>
public static class ScenarioValidator
{
    public static void Validate(Scenario scenario, string source)
    {
        var fail = (string path, string problem) => new ScenarioException(source, path, problem);
        if (scenario.Tenants.Count == 0) throw fail("$.tenants", "a scenario needs at least one tenant");

        var tenantIds = new HashSet<Guid>();
        var domains = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var appIds = FirstPartyApplications.All.Select(a => a.AppId).ToHashSet();
        var identifierUris = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var upns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var t = 0; t < scenario.Tenants.Count; t++)
        {
            var tenant = scenario.Tenants[t];
            var at = $"$.tenants[{t}]";
            if (!tenantIds.Add(tenant.Id)) throw fail($"{at}.organization.id", $"tenant id {tenant.Id} is declared twice");
            if (tenant.Organization.VerifiedDomains.Count == 0) throw fail($"{at}.organization.verifiedDomains", "a tenant needs at least one verified domain");
            for (var d = 0; d < tenant.Organization.VerifiedDomains.Count; d++)
            {
                var name = tenant.Organization.VerifiedDomains[d].Name;
                if (!TenantPathResolver.IsDnsName(name)) throw fail($"{at}.organization.verifiedDomains[{d}].name", $"'{name}' is not a DNS name");
                if (!domains.Add(name)) throw fail($"{at}.organization.verifiedDomains[{d}].name", $"domain '{name}' is verified by more than one tenant");
            }
            for (var a = 0; a < tenant.Applications.Count; a++)
            {
                var app = tenant.Applications[a];
                if (!appIds.Add(app.AppId)) throw fail($"{at}.applications[{a}].appId", $"appId {app.AppId} is used by another application");
                for (var u = 0; u < app.IdentifierUris.Count; u++)
                    if (!identifierUris.Add(app.IdentifierUris[u].TrimEnd('/')))
                        throw fail($"{at}.applications[{a}].identifierUris[{u}]", $"identifier URI '{app.IdentifierUris[u]}' is used by another application");
            }
            for (var u = 0; u < tenant.Users.Count; u++)
                if (!upns.Add(tenant.Users[u].UserPrincipalName))
                    throw fail($"{at}.users[{u}].userPrincipalName", $"'{tenant.Users[u].UserPrincipalName}' is used by another user");
        }

        var world = new DirectorySnapshot(scenario.Tenants);
        for (var t = 0; t < scenario.Tenants.Count; t++)
            new TenantRules(scenario.Tenants[t], $"$.tenants[{t}]", world, fail).Check();
    }

    private sealed class TenantRules(TenantDirectory tenant, string at, DirectorySnapshot world, Func<string, string, ScenarioException> fail)
    {
        private readonly HashSet<Guid> _objectIds = [];

        public void Check()
        {
            Users();
            Groups();
            Devices();
            Applications();
            ServicePrincipals();
            Grants();
            RoleAssignments();
            CrossTenantAccess();
            ConditionalAccessPolicies();
        }

        private void Unique(Guid id, string path)
        {
            if (id == Guid.Empty) throw fail(path, "an id is required");
            if (!_objectIds.Add(id)) throw fail(path, $"object id {id} is used twice in this tenant");
        }

        private void Users()
        {
            for (var i = 0; i < tenant.Users.Count; i++)
            {
                var user = tenant.Users[i];
                var path = $"{at}.users[{i}]";
                Unique(user.Id, $"{path}.id");
                if (user.UserType is not (UserTypes.Member or UserTypes.Guest))
                    throw fail($"{path}.userType", $"'{user.UserType}' is not a user type; use Member or Guest");
                var domain = user.UserPrincipalName.Split('@') is [_, var d] ? d : null;
                if (domain is null) throw fail($"{path}.userPrincipalName", $"'{user.UserPrincipalName}' is not of the form name@domain");
                if (world.FindTenantByDomain(domain)?.Id != tenant.Id)
                    throw fail($"{path}.userPrincipalName", $"domain '{domain}' is not a verified domain of this tenant");
                if (user.IsGuest)
                {
                    if (user.Mail is null) throw fail($"{path}.mail", "a guest needs the mail address of its home account");
                    var home = world.FindUserByPrincipalName(user.Mail);
                    if (home is null || home.Value.Tenant.Id == tenant.Id || home.Value.User.IsGuest)
                        throw fail($"{path}.mail", $"'{user.Mail}' is not a member user of another tenant in this scenario");
                }
                for (var m = 0; m < user.AuthenticationMethods.Count; m++)
                {
                    var method = user.AuthenticationMethods[m];
                    if (method.ODataType != AuthenticationMethod.SoftwareOathType)
                        throw fail($"{path}.authenticationMethods[{m}].@odata.type", $"'{method.ODataType}' is not supported; use '{AuthenticationMethod.SoftwareOathType}'");
                    if (method.SecretKey is null || !Base32.IsValid(method.SecretKey))
                        throw fail($"{path}.authenticationMethods[{m}].secretKey", "a base32 TOTP secret is required");
                }
                AppRoleAssignments(user.AppRoleAssignments, $"{path}.appRoleAssignments", "User");
                PrivacyConsents(user, path);
            }
        }

        // Acceptances of a resource organization's privacy statement, kept on the home account as a B2B direct connect sign-in keeps them.
        private void PrivacyConsents(User user, string path)
        {
            if (user.PrivacyConsents.Count > 0 && user.IsGuest)
                throw fail($"{path}.privacyConsents", "a guest has no privacy consents; declare them on its home account");
            for (var c = 0; c < user.PrivacyConsents.Count; c++)
            {
                var resource = user.PrivacyConsents[c];
                var at = $"{path}.privacyConsents[{c}]";
                if (resource == tenant.Id) throw fail(at, "a user accepts the privacy statement of another organization, not of its own");
                if (world.FindTenant(resource) is null) throw fail(at, $"no tenant {resource} in this scenario");
                if (user.PrivacyConsents.Take(c).Contains(resource)) throw fail(at, $"tenant {resource} is listed twice");
            }
        }

        private void Groups()
        {
            for (var i = 0; i < tenant.Groups.Count; i++) Unique(tenant.Groups[i].Id, $"{at}.groups[{i}].id");
            var members = tenant.Users.Select(u => u.Id).Concat(tenant.Groups.Select(g => g.Id)).ToHashSet();
            for (var i = 0; i < tenant.Groups.Count; i++)
                for (var m = 0; m < tenant.Groups[i].Members.Count; m++)
                    if (!members.Contains(tenant.Groups[i].Members[m]))
                        throw fail($"{at}.groups[{i}].members[{m}]", $"{tenant.Groups[i].Members[m]} is not a user or group of this tenant");
        }

        private void Devices()
        {
            var deviceIds = new HashSet<Guid>();
            for (var i = 0; i < tenant.Devices.Count; i++)
            {
                var device = tenant.Devices[i];
                var path = $"{at}.devices[{i}]";
                Unique(device.Id, $"{path}.id");
                if (!deviceIds.Add(device.DeviceId)) throw fail($"{path}.deviceId", $"deviceId {device.DeviceId} is used twice");
                if (!DeviceTrustTypes.All.Contains(device.TrustType))
                    throw fail($"{path}.trustType", $"'{device.TrustType}' is not one of {string.Join(", ", DeviceTrustTypes.All)}");
                for (var o = 0; o < device.RegisteredOwners.Count; o++)
                    if (world.FindUser(tenant.Id, device.RegisteredOwners[o]) is null)
                        throw fail($"{path}.registeredOwners[{o}]", $"{device.RegisteredOwners[o]} is not a user of this tenant");
            }
        }

        private void Applications()
        {
            for (var i = 0; i < tenant.Applications.Count; i++)
            {
                var app = tenant.Applications[i];
                var path = $"{at}.applications[{i}]";
                Unique(app.Id, $"{path}.id");
                if (!SignInAudiences.All.Contains(app.SignInAudience))
                    throw fail($"{path}.signInAudience", $"'{app.SignInAudience}' is not one of {string.Join(", ", SignInAudiences.All)}");
                if (app.Api.RequestedAccessTokenVersion is not (null or 1 or 2))
                    throw fail($"{path}.api.requestedAccessTokenVersion", "must be null, 1 or 2");
                for (var c = 0; c < app.PasswordCredentials.Count; c++)
                    if (string.IsNullOrEmpty(app.PasswordCredentials[c].SecretText) && string.IsNullOrEmpty(app.PasswordCredentials[c].SecretHash))
                        throw fail($"{path}.passwordCredentials[{c}].secretText", "a client secret needs its secretText");
                var scopeValues = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                for (var s = 0; s < app.Api.Oauth2PermissionScopes.Count; s++)
                    if (!scopeValues.Add(app.Api.Oauth2PermissionScopes[s].Value))
                        throw fail($"{path}.api.oauth2PermissionScopes[{s}].value", $"scope '{app.Api.Oauth2PermissionScopes[s].Value}' is declared twice");
                foreach (var uri in app.PublicClient.RedirectUris.Concat(app.Web.RedirectUris).Concat(app.Spa.RedirectUris))
                    if (!Uri.TryCreate(uri, UriKind.Absolute, out _))
                        throw fail($"{path}.redirectUris", $"'{uri}' is not an absolute URI");
            }
        }

        private void ServicePrincipals()
        {
            var seen = new HashSet<Guid>();
            for (var i = 0; i < tenant.ServicePrincipals.Count; i++)
            {
                var sp = tenant.ServicePrincipals[i];
                var path = $"{at}.servicePrincipals[{i}]";
                Unique(sp.Id, $"{path}.id");
                var app = world.FindApplication(sp.AppId) ?? throw fail($"{path}.appId", $"no application has appId {sp.AppId}");
                if (!seen.Add(sp.AppId)) throw fail($"{path}.appId", $"the tenant already has a service principal for {sp.AppId}");
                var home = world.HomeTenantOf(app);
                if (home is not null && home != tenant.Id && !app.IsMultiTenant)
                    throw fail($"{path}.appId", $"'{app.DisplayName}' is single-tenant (signInAudience {app.SignInAudience}) and cannot be provisioned in another tenant");
            }
            for (var i = 0; i < tenant.ServicePrincipals.Count; i++)
                AppRoleAssignments(tenant.ServicePrincipals[i].AppRoleAssignments, $"{at}.servicePrincipals[{i}].appRoleAssignments", "Application");
            foreach (var app in tenant.Applications)
                if (world.FindServicePrincipal(tenant.Id, app.AppId) is null)
                    throw fail($"{at}.servicePrincipals", $"application '{app.DisplayName}' ({app.AppId}) needs a service principal in its own tenant");
        }

        private void AppRoleAssignments(IReadOnlyList<AppRoleAssignment> assignments, string path, string memberType)
        {
            for (var i = 0; i < assignments.Count; i++)
            {
                var resource = ResourceApp(assignments[i].ResourceId, $"{path}[{i}].resourceId");
                var role = resource.FindRole(assignments[i].AppRoleId);
                if (role is null || !role.AllowedMemberTypes.Contains(memberType))
                    throw fail($"{path}[{i}].appRoleId", $"'{resource.DisplayName}' has no app role {assignments[i].AppRoleId} for member type {memberType}");
            }
        }

        private Application ResourceApp(Guid servicePrincipalId, string path)
        {
            var sp = tenant.ServicePrincipals.FirstOrDefault(s => s.Id == servicePrincipalId)
                     ?? throw fail(path, $"{servicePrincipalId} is not a service principal of this tenant");
            return world.FindApplication(sp.AppId)!;
        }

        private void Grants()
        {
            for (var i = 0; i < tenant.Oauth2PermissionGrants.Count; i++)
            {
                var grant = tenant.Oauth2PermissionGrants[i];
                var path = $"{at}.oauth2PermissionGrants[{i}]";
                ResourceApp(grant.ClientId, $"{path}.clientId");
                var resource = ResourceApp(grant.ResourceId, $"{path}.resourceId");
                if (grant.ConsentType is not (ConsentTypes.AllPrincipals or ConsentTypes.Principal))
                    throw fail($"{path}.consentType", $"'{grant.ConsentType}' is not AllPrincipals or Principal");
                if (grant.ConsentType == ConsentTypes.Principal && (grant.PrincipalId is not { } user || world.FindUser(tenant.Id, user) is null))
                    throw fail($"{path}.principalId", "a Principal grant needs the id of a user of this tenant");
                foreach (var scope in grant.ScopeValues)
                    if (resource.FindScope(scope) is null && !OidcScopes.IsOidc(scope))
                        throw fail($"{path}.scope", $"'{resource.DisplayName}' exposes no delegated scope '{scope}'");
            }
        }

        private void RoleAssignments()
        {
            for (var i = 0; i < tenant.RoleAssignments.Count; i++)
            {
                var id = tenant.RoleAssignments[i].PrincipalId;
                if (world.FindUser(tenant.Id, id) is null && tenant.ServicePrincipals.All(s => s.Id != id) && tenant.Groups.All(g => g.Id != id))
                    throw fail($"{at}.roleAssignments[{i}].principalId", $"{id} is not a user, group or service principal of this tenant");
            }
        }

        private void CrossTenantAccess()
        {
            var policy = tenant.CrossTenantAccessPolicy;
            var path = $"{at}.crossTenantAccessPolicy";
            var problem = CrossTenantAccessPolicyRules.Check(policy.Default);
            if (problem is not null) throw fail($"{path}.default.{problem.Value.Member}", problem.Value.Problem);
            var partners = new HashSet<Guid>();
            for (var i = 0; i < policy.Partners.Count; i++)
            {
                var partner = policy.Partners[i];
                var partnerPath = $"{path}.partners[{i}]";
                if (partner.TenantId == tenant.Id) throw fail($"{partnerPath}.tenantId", "a tenant cannot be its own partner");
                if (world.FindTenant(partner.TenantId) is null) throw fail($"{partnerPath}.tenantId", $"no tenant {partner.TenantId} in this scenario");
                if (!partners.Add(partner.TenantId)) throw fail($"{partnerPath}.tenantId", $"partner {partner.TenantId} is configured twice");
                problem = CrossTenantAccessPolicyRules.Check(partner);
                if (problem is not null) throw fail($"{partnerPath}.{problem.Value.Member}", problem.Value.Problem);
            }
        }

        private void ConditionalAccessPolicies()
        {
            for (var i = 0; i < tenant.ConditionalAccessPolicies.Count; i++)
            {
                var problem = ConditionalAccessPolicyRules.Check(tenant.ConditionalAccessPolicies[i]);
                if (problem is not null) throw fail($"{at}.conditionalAccessPolicies[{i}].{problem.Value.Member}", problem.Value.Problem);
                Unique(tenant.ConditionalAccessPolicies[i].Id, $"{at}.conditionalAccessPolicies[{i}].id");
            }
        }
    }
}
