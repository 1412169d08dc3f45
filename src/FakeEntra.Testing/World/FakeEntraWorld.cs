using System.Text.Json;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Scenarios;
using FakeEntra.Server.World;

namespace FakeEntra.Testing.World;

/// <summary>
/// A world for one test, built in C# from the directory model scenario files use (Graph's shapes), and written as the
/// scenario JSON the server reads, so it is validated exactly like a file. Start from <see cref="Default"/> or <see cref="Empty"/>.
/// </summary>
public sealed class FakeEntraWorld
{
    private readonly List<TenantDirectory> _tenants;
    private readonly string? _description;

    private FakeEntraWorld(IEnumerable<TenantDirectory> tenants, string? description)
    {
        _tenants = [.. tenants];
        _description = description;
    }

    /// <summary>The built-in world (see <see cref="DefaultWorld"/>), to change.</summary>
    public static FakeEntraWorld Default() => FromScenario(ScenarioLoader.Parse(WorldInitializer.BuiltInScenarioJson(), WorldInitializer.BuiltInSource));

    /// <summary>A scenario file, to change.</summary>
    public static FakeEntraWorld FromScenarioFile(string path) => FromScenario(ScenarioLoader.LoadFile(path));

    public static FakeEntraWorld Empty() => new([], null);

    private static FakeEntraWorld FromScenario(Scenario scenario) => new(scenario.Tenants, scenario.Description);

    public IReadOnlyList<TenantDirectory> Tenants => _tenants;

    public FakeEntraWorld AddTenant(TenantDirectory tenant)
    {
        _tenants.Add(tenant);
        return this;
    }

    /// <summary>Changes a tenant: anything the directory model holds (policies, Conditional Access, devices, role assignments…).</summary>
    public FakeEntraWorld Tenant(string tenantId, Func<TenantDirectory, TenantDirectory> change)
    {
        var id = Guid.Parse(tenantId);
        var index = _tenants.FindIndex(t => t.Id == id);
        if (index < 0) throw new ArgumentException($"The world has no tenant {tenantId}.", nameof(tenantId));
        _tenants[index] = change(_tenants[index]);
        return this;
    }

    /// <summary>Adds a user; give a <see cref="PasswordProfile"/> for a user who signs in with a password.</summary>
    public FakeEntraWorld AddUser(string tenantId, User user) => Tenant(tenantId, t => t with { Users = [.. t.Users, user] });

    /// <summary>Changes the user with this UPN, in whichever tenant holds them.</summary>
    public FakeEntraWorld User(string userPrincipalName, Func<User, User> change)
    {
        var tenant = _tenants.SingleOrDefault(t => t.Users.Any(u => Is(u, userPrincipalName)))
                     ?? throw new ArgumentException($"The world has no user {userPrincipalName}.", nameof(userPrincipalName));
        return Tenant(tenant.Id.ToString(), t => t with { Users = [.. t.Users.Select(u => Is(u, userPrincipalName) ? change(u) : u)] });
    }

    /// <summary>An app registration in its home tenant; it needs a service principal in each tenant it is used in.</summary>
    public FakeEntraWorld AddApplication(string tenantId, Application application) =>
        Tenant(tenantId, t => t with { Applications = [.. t.Applications, application] });

    public FakeEntraWorld AddServicePrincipal(string tenantId, ServicePrincipal servicePrincipal) =>
        Tenant(tenantId, t => t with { ServicePrincipals = [.. t.ServicePrincipals, servicePrincipal] });

    /// <summary>A delegated permission grant (admin consent when it names no principal).</summary>
    public FakeEntraWorld AddGrant(string tenantId, OAuth2PermissionGrant grant) =>
        Tenant(tenantId, t => t with { Oauth2PermissionGrants = [.. t.Oauth2PermissionGrants, grant] });

    /// <summary>
    /// The user already accepted the resource organization's privacy statement (at an earlier B2B direct connect sign-in),
    /// so a sign-in without pages there is not refused with AADSTS65001.
    /// </summary>
    public FakeEntraWorld AcceptPrivacyStatement(string userPrincipalName, string resourceTenantId) =>
        User(userPrincipalName, u => u.PrivacyConsents.Contains(Guid.Parse(resourceTenantId))
            ? u
            : u with { PrivacyConsents = [.. u.PrivacyConsents, Guid.Parse(resourceTenantId)] });

    /// <summary>The world as a scenario file.</summary>
    public string ToJson() => JsonSerializer.Serialize(new Scenario { Description = _description, Tenants = _tenants }, DirectoryJson.Options);

    private static bool Is(User user, string userPrincipalName) => string.Equals(user.UserPrincipalName, userPrincipalName, StringComparison.OrdinalIgnoreCase);
}
