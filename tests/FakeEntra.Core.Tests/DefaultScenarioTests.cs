using System.Text.Json;
using FakeEntra.Core.CrossTenantAccess;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Scenarios;
using FakeEntra.Core.Security;

namespace FakeEntra.Core.Tests;

public class DefaultScenarioTests
{
    private static readonly string DefaultPath = Path.Combine(AppContext.BaseDirectory, "scenarios", "default.json");
    private static readonly Guid Contoso = new("6a89cd33-4bf7-4174-9b3b-8ed777182b4e");
    private static readonly Guid Fabrikam = new("641fb213-6aa7-422e-9fea-915a8e22bf84");
    private static readonly Guid Northwind = new("58f608f4-ae3a-4c65-bf23-69c7099a405c");
    private static readonly Guid Litware = new("9b857bb0-5fb4-4a8c-a685-a9b12a25ae3e");

    private static DirectorySnapshot World() => new(ScenarioPreparer.Prepare(ScenarioLoader.LoadFile(DefaultPath)));

    [Theory]
    [InlineData("6a89cd33-4bf7-4174-9b3b-8ed777182b4e", "Contoso", "contoso.onmicrosoft.com", "contoso.com")]
    [InlineData("641fb213-6aa7-422e-9fea-915a8e22bf84", "Fabrikam", "fabrikam.onmicrosoft.com", "fabrikam.com")]
    [InlineData("58f608f4-ae3a-4c65-bf23-69c7099a405c", "Northwind", "northwind.onmicrosoft.com", "northwind.com")]
    [InlineData("9b857bb0-5fb4-4a8c-a685-a9b12a25ae3e", "Litware", "litware.onmicrosoft.com", "litware.com")]
    public void Tenants_have_the_documented_ids_and_domains(string tid, string name, string initial, string primary)
    {
        var world = World();
        var tenant = world.FindTenant(new Guid(tid))!;
        Assert.Equal(name, tenant.Organization.DisplayName);
        Assert.Equal(tenant, world.FindTenantByDomain(initial));
        Assert.Equal(tenant, world.FindTenantByDomain(primary));
    }

    [Theory]
    [InlineData("alice@contoso.com", "089502b6-21d2-4399-960f-0f79f7be721e", "6a89cd33-4bf7-4174-9b3b-8ed777182b4e", "Alice", "Anderson", true)]
    [InlineData("bob@fabrikam.com", "04f2f0f9-8fbd-4f23-b9cd-dd1c05b7fcc0", "641fb213-6aa7-422e-9fea-915a8e22bf84", "Bob", "Brown", true)]
    [InlineData("carol@fabrikam.com", "cf8466f4-ee8c-434d-9d5b-7831fc4f1448", "641fb213-6aa7-422e-9fea-915a8e22bf84", "Carol", "Clark", false)]
    [InlineData("dan@northwind.com", "3e0485c7-5738-4d82-a6ef-0061e00d2315", "58f608f4-ae3a-4c65-bf23-69c7099a405c", "Dan", "Diaz", true)]
    [InlineData("eve@litware.com", "6a035396-2808-4191-8884-80d34ed44038", "9b857bb0-5fb4-4a8c-a685-a9b12a25ae3e", "Eve", "Evans", true)]
    public void Users_have_the_documented_ids_names_passwords_and_mfa(string upn, string oid, string tid, string given, string surname, bool totp)
    {
        var (tenant, user) = World().FindUserByPrincipalName(upn)!.Value;
        Assert.Equal(new Guid(oid), user.Id);
        Assert.Equal(new Guid(tid), tenant.Id);
        Assert.Equal(given, user.GivenName);
        Assert.Equal(surname, user.Surname);
        Assert.True(PasswordHasher.Verify("Passw0rd!", user.PasswordHash!));
        Assert.Null(user.PasswordProfile);
        Assert.Equal(totp, user.AuthenticationMethods.Any(m => m.SecretKey == "JBSWY3DPEHPK3PXP"));
    }

    [Fact]
    public void Directory_roles_groups_guest_and_devices_are_as_documented()
    {
        var world = World();
        Assert.Contains(DirectoryRoleTemplates.GlobalAdministrator, world.RolesOf(Contoso, new Guid("089502b6-21d2-4399-960f-0f79f7be721e")));
        foreach (var (tid, domain) in new[] { (Fabrikam, "fabrikam.com"), (Northwind, "northwind.com"), (Litware, "litware.com") })
        {
            var (_, admin) = world.FindUserByPrincipalName($"admin@{domain}")!.Value;
            Assert.Contains(DirectoryRoleTemplates.GlobalAdministrator, world.RolesOf(tid, admin.Id));
            Assert.NotEmpty(admin.AuthenticationMethods);
        }
        var holders = world.Tenants.SelectMany(t => t.RoleAssignments).Select(r => r.PrincipalId).ToList();
        Assert.Equal(4, holders.Count);

        Assert.Equal([new Guid("4b482ed1-2c44-46a5-a281-3faa7928b39f")], world.GroupsOf(Fabrikam, new Guid("04f2f0f9-8fbd-4f23-b9cd-dd1c05b7fcc0")));

        var guest = world.FindTenant(Contoso)!.Users.Single(u => u.IsGuest);
        Assert.Equal("grace_northwind.com#EXT#@contoso.onmicrosoft.com", guest.UserPrincipalName);
        Assert.Equal("grace@northwind.com", guest.Mail);
        Assert.Equal(Northwind, world.FindUserByPrincipalName("grace@northwind.com")!.Value.Tenant.Id);

        var devices = world.FindTenant(Fabrikam)!.Devices.ToDictionary(d => d.DisplayName);
        Assert.Equal((new Guid("ac900416-06e0-4805-8c85-ad88f36a98e4"), "AzureAd", true), (devices["FAB-LAPTOP-01"].DeviceId, devices["FAB-LAPTOP-01"].TrustType, devices["FAB-LAPTOP-01"].IsCompliant));
        Assert.Equal((new Guid("25f4ff4e-afdc-450d-b07a-d02aa0a2e3b0"), "ServerAd", false), (devices["FAB-DESKTOP-02"].DeviceId, devices["FAB-DESKTOP-02"].TrustType, devices["FAB-DESKTOP-02"].IsCompliant));
        Assert.Equal((new Guid("60232be5-7e02-4f55-9268-08ec91156fbc"), "Workplace", false), (devices["FAB-TABLET-03"].DeviceId, devices["FAB-TABLET-03"].TrustType, devices["FAB-TABLET-03"].IsCompliant));
    }

    [Fact]
    public void Applications_service_principals_and_grants_are_as_documented()
    {
        var world = World();
        var api = world.FindApplication(new Guid("fcac6b54-23d1-4161-ab28-3ab64be2a67d"))!;
        Assert.Equal(api, world.FindResource("api://fcac6b54-23d1-4161-ab28-3ab64be2a67d"));
        Assert.Equal(2, api.AccessTokenVersion);
        Assert.Contains(ApplicationTags.B2BDirectConnect, api.Tags);
        Assert.NotNull(api.FindScope("Channels.ReadWrite"));
        Assert.Contains(api.AppRoles, r => r.Value == "Channels.Read.All");

        var client = world.FindApplication(new Guid("13e7214c-6687-4074-86ae-bf38154aaef1"))!;
        Assert.True(client.IsFallbackPublicClient);
        Assert.False(client.HasSecrets);
        foreach (var tenant in world.Tenants)
            Assert.NotNull(world.FindServicePrincipal(tenant.Id, client.AppId));

        var daemon = world.FindApplication(new Guid("3ecf7814-4a1a-42fc-91a7-b5dfa2b60f7f"))!;
        Assert.True(SecretHasher.Verify("Daemon~Secret~0001", daemon.PasswordCredentials.Single().SecretHash!));
        var daemonSp = world.FindServicePrincipal(Contoso, daemon.AppId)!;
        var apiSp = world.FindServicePrincipal(Contoso, api.AppId)!;
        Assert.Equal(["Channels.Read.All"], Tokens.Permissions.ApplicationRoles(daemonSp, new(api, apiSp)));

        foreach (var tenant in world.Tenants)
        {
            var graph = world.FindServicePrincipal(tenant.Id, FirstPartyApplications.MicrosoftGraphAppId)!;
            var consented = world.ConsentedScopes(tenant.Id, world.FindServicePrincipal(tenant.Id, client.AppId)!.Id, graph.Id, userId: null);
            Assert.Superset(new HashSet<string> { "Policy.Read.All", "Policy.ReadWrite.CrossTenantAccess", "Policy.ReadWrite.ConditionalAccess", "AuditLog.Read.All", "User.ReadWrite.All", "Group.ReadWrite.All", "Directory.Read.All" }, consented.ToHashSet());
            Assert.Contains(tenant.Applications, a => a.DisplayName == "FakeEntra Admin" && a.HasSecrets);
        }
    }

    [Fact]
    public void Cross_tenant_settings_and_conditional_access_are_as_documented()
    {
        var world = World();
        var contoso = world.FindTenant(Contoso)!;
        Assert.True(contoso.CrossTenantAccessPolicy.Default.IsServiceDefault);
        var fabrikamPartner = contoso.CrossTenantAccessPolicy.Partners.Single(p => p.TenantId == Fabrikam);
        Assert.Equal(CrossTenantAccessTypes.Allowed, fabrikamPartner.B2bDirectConnectInbound!.UsersAndGroups.AccessType);
        Assert.Equal(new CrossTenantAccessPolicyInboundTrust { IsMfaAccepted = true, IsCompliantDeviceAccepted = true }, fabrikamPartner.InboundTrust);
        Assert.Null(fabrikamPartner.B2bCollaborationInbound);

        var fabrikam = world.FindTenant(Fabrikam)!;
        Assert.Equal(new Guid("0b51fa8f-feef-4f8c-a9a8-bcbf021dc5c4"), fabrikam.CrossTenantAccessPolicy.Id);
        Assert.Equal(CrossTenantAccessTypes.Blocked, fabrikam.CrossTenantAccessPolicy.Default.TenantRestrictions.UsersAndGroups.AccessType);
        Assert.Equal(CrossTenantAccessTypes.Blocked, fabrikam.CrossTenantAccessPolicy.Default.B2bDirectConnectOutbound.UsersAndGroups.AccessType);
        Assert.Equal(CrossTenantAccessTypes.Allowed, fabrikam.CrossTenantAccessPolicy.Partners.Single().TenantRestrictions!.Applications.AccessType);
        Assert.Equal(Contoso, world.FindTenant(Northwind)!.CrossTenantAccessPolicy.Partners.Single().TenantId);
        Assert.Empty(world.FindTenant(Litware)!.CrossTenantAccessPolicy.Partners);

        var policies = contoso.ConditionalAccessPolicies.ToDictionary(p => p.Id);
        var mfa = policies[new Guid("f9220e94-c1f8-43e0-a8a9-6b9d3c67a26d")];
        Assert.Equal(["mfa"], mfa.GrantControls!.BuiltInControls);
        Assert.Equal("b2bCollaborationGuest,b2bDirectConnectUser", mfa.Conditions.Users.IncludeGuestsOrExternalUsers!.GuestOrExternalUserTypes);
        var device = policies[new Guid("6c553977-4803-411b-9c48-84a8de31e8f7")];
        Assert.Equal("OR", device.GrantControls!.Operator);
        Assert.Equal(["compliantDevice", "domainJoinedDevice"], device.GrantControls.BuiltInControls);
        Assert.Equal(["b6c7cace-ed66-497d-814d-480a90eb0bac"], device.Conditions.Applications.IncludeApplications);
    }

    [Fact]
    public void A_prepared_world_round_trips_through_the_store_format_unchanged()
    {
        var tenants = ScenarioPreparer.Prepare(ScenarioLoader.LoadFile(DefaultPath));
        var json = JsonSerializer.Serialize(tenants, DirectoryJson.Options);
        var again = JsonSerializer.Deserialize<List<TenantDirectory>>(json, DirectoryJson.Options)!;
        Assert.Equal(json, JsonSerializer.Serialize(again, DirectoryJson.Options));
        Assert.DoesNotContain("Passw0rd!", json);
        Assert.DoesNotContain("Daemon~Secret~0001", json);
    }

    [Fact]
    public void Seeding_twice_gives_the_same_ids()
    {
        var first = ScenarioPreparer.Prepare(ScenarioLoader.LoadFile(DefaultPath));
        var second = ScenarioPreparer.Prepare(ScenarioLoader.LoadFile(DefaultPath));
        Assert.Equal(
            first.SelectMany(t => t.Oauth2PermissionGrants.Select(g => g.Id).Concat(t.RoleAssignments.Select(r => r.Id)).Append(t.CrossTenantAccessPolicy.Id)),
            second.SelectMany(t => t.Oauth2PermissionGrants.Select(g => g.Id).Concat(t.RoleAssignments.Select(r => r.Id)).Append(t.CrossTenantAccessPolicy.Id)));
    }

    [Fact]
    public void Each_distinct_password_of_a_file_is_derived_once_and_verifies_for_every_user_who_has_it()
    {
        var scenario = ScenarioLoader.LoadFile(DefaultPath);
        var other = scenario.Tenants[0].Users[0] with { PasswordProfile = new PasswordProfile { Password = "An0ther!" } };
        var tenants = ScenarioPreparer.Prepare(scenario with { Tenants = [scenario.Tenants[0] with { Users = [other, .. scenario.Tenants[0].Users.Skip(1)] }, .. scenario.Tenants.Skip(1)] });
        var users = tenants.SelectMany(t => t.Users).Where(u => u.PasswordHash is not null).ToList();

        var shared = users.Skip(1).Select(u => u.PasswordHash).Distinct().ToList();
        Assert.True(users.Count > 5);
        Assert.Single(shared);
        Assert.NotEqual(shared[0], users[0].PasswordHash);
        Assert.True(PasswordHasher.Verify("Passw0rd!", shared[0]!));
        Assert.True(PasswordHasher.Verify("An0ther!", users[0].PasswordHash!));
        Assert.False(PasswordHasher.Verify("Passw0rd!", users[0].PasswordHash!));
    }
}
