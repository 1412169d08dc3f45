namespace FakeEntra.Core.DirectoryObjects;

/// <summary>
/// An immutable, indexed view of the whole world: every lookup the token path needs without touching storage.
/// A change to the directory builds a new snapshot.
/// </summary>
public sealed class DirectorySnapshot
{
    private readonly Dictionary<Guid, TenantDirectory> _tenants = [];
    private readonly Dictionary<string, TenantDirectory> _tenantsByDomain = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Guid, Application> _applications = [];
    private readonly Dictionary<Guid, Guid> _applicationHomeTenant = [];
    private readonly Dictionary<string, Application> _applicationsByIdentifier = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(Guid Tenant, Guid AppId), ServicePrincipal> _servicePrincipals = [];
    private readonly Dictionary<(Guid Tenant, Guid Id), Guid> _servicePrincipalAppIds = [];
    private readonly Dictionary<(Guid Tenant, Guid Id), User> _users = [];
    private readonly Dictionary<string, (TenantDirectory Tenant, User User)> _usersByUpn = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(Guid Tenant, Guid User), IReadOnlySet<Guid>> _transitiveGroups = [];

    public DirectorySnapshot(IEnumerable<TenantDirectory> tenants)
    {
        foreach (var app in FirstPartyApplications.All) IndexApplication(app);
        Tenants = [.. tenants];
        foreach (var tenant in Tenants)
        {
            _tenants[tenant.Id] = tenant;
            foreach (var domain in tenant.Organization.VerifiedDomains) _tenantsByDomain[domain.Name] = tenant;
            foreach (var app in tenant.Applications)
            {
                IndexApplication(app);
                _applicationHomeTenant[app.AppId] = tenant.Id;
            }
            foreach (var sp in tenant.ServicePrincipals) IndexServicePrincipal(tenant.Id, sp);
            foreach (var app in FirstPartyApplications.All)
                if (!_servicePrincipals.ContainsKey((tenant.Id, app.AppId)) && FirstPartyApplications.ProvisionedServicePrincipal(tenant.Id, app.AppId) is { } provisioned)
                    IndexServicePrincipal(tenant.Id, provisioned);
            foreach (var user in tenant.Users)
            {
                _users[(tenant.Id, user.Id)] = user;
                _usersByUpn[user.UserPrincipalName] = (tenant, user);
            }
            IndexGroups(tenant);
        }
    }

    public IReadOnlyList<TenantDirectory> Tenants { get; }

    public TenantDirectory? FindTenant(Guid id) => _tenants.GetValueOrDefault(id);

    public TenantDirectory? FindTenantByDomain(string domain) => _tenantsByDomain.GetValueOrDefault(domain);

    public Application? FindApplication(Guid appId) => _applications.GetValueOrDefault(appId);

    /// <summary>The tenant an app is registered in; null for Microsoft's first-party apps.</summary>
    public Guid? HomeTenantOf(Application app) => _applicationHomeTenant.TryGetValue(app.AppId, out var t) ? t : null;

    /// <summary>A resource named by app id or by one of its identifier URIs.</summary>
    public Application? FindResource(string identifier) =>
        Guid.TryParse(identifier, out var appId) ? FindApplication(appId) : _applicationsByIdentifier.GetValueOrDefault(identifier.TrimEnd('/'));

    public ServicePrincipal? FindServicePrincipal(Guid tenantId, Guid appId) => _servicePrincipals.GetValueOrDefault((tenantId, appId));

    public User? FindUser(Guid tenantId, Guid userId) => _users.GetValueOrDefault((tenantId, userId));

    /// <summary>A user by UPN, with the tenant that holds the object.</summary>
    public (TenantDirectory Tenant, User User)? FindUserByPrincipalName(string upn) =>
        _usersByUpn.TryGetValue(upn, out var found) ? found : null;

    /// <summary>The B2B collaboration guest object a tenant holds for an account of another tenant (matched by its mail).</summary>
    public User? FindGuest(Guid tenantId, string homeUserPrincipalName) =>
        FindTenant(tenantId)?.Users.FirstOrDefault(u => u.IsGuest && string.Equals(u.Mail, homeUserPrincipalName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Groups the user belongs to, directly or through nested groups.</summary>
    public IReadOnlySet<Guid> GroupsOf(Guid tenantId, Guid userId) =>
        _transitiveGroups.GetValueOrDefault((tenantId, userId)) ?? EmptySet;

    /// <summary>Directory role template ids held by a principal.</summary>
    public IReadOnlyList<Guid> RolesOf(Guid tenantId, Guid principalId) =>
        FindTenant(tenantId)?.RoleAssignments.Where(r => r.PrincipalId == principalId).Select(r => r.RoleDefinitionId).Distinct().ToList() ?? [];

    /// <summary>Delegated scopes consented for a client on a resource, for everyone or for this user, or pre-authorized by the resource.</summary>
    public IReadOnlySet<string> ConsentedScopes(Guid tenantId, Guid clientSpId, Guid resourceSpId, Guid? userId)
    {
        var tenant = FindTenant(tenantId);
        if (tenant is null) return EmptyScopes;
        var preAuthorized = _servicePrincipalAppIds.TryGetValue((tenantId, clientSpId), out var clientAppId) && _servicePrincipalAppIds.TryGetValue((tenantId, resourceSpId), out var resourceAppId)
            ? FirstPartyApplications.PreAuthorizedScopes(clientAppId, resourceAppId)
            : [];
        return tenant.Oauth2PermissionGrants
            .Where(g => g.ClientId == clientSpId && g.ResourceId == resourceSpId
                        && (g.ConsentType == ConsentTypes.AllPrincipals || (userId is not null && g.PrincipalId == userId)))
            .SelectMany(g => g.ScopeValues)
            .Concat(preAuthorized)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private void IndexServicePrincipal(Guid tenantId, ServicePrincipal sp)
    {
        _servicePrincipals[(tenantId, sp.AppId)] = sp;
        _servicePrincipalAppIds[(tenantId, sp.Id)] = sp.AppId;
    }

    private void IndexApplication(Application app)
    {
        _applications[app.AppId] = app;
        foreach (var uri in app.IdentifierUris) _applicationsByIdentifier[uri.TrimEnd('/')] = app;
    }

    private void IndexGroups(TenantDirectory tenant)
    {
        var parents = new Dictionary<Guid, List<Guid>>();
        foreach (var group in tenant.Groups)
            foreach (var member in group.Members)
                (parents.TryGetValue(member, out var list) ? list : parents[member] = []).Add(group.Id);

        foreach (var user in tenant.Users)
        {
            var found = new HashSet<Guid>();
            var pending = new Stack<Guid>(parents.GetValueOrDefault(user.Id) ?? []);
            while (pending.TryPop(out var groupId))
                if (found.Add(groupId))
                    foreach (var parent in parents.GetValueOrDefault(groupId) ?? []) pending.Push(parent);
            if (found.Count > 0) _transitiveGroups[(tenant.Id, user.Id)] = found;
        }
    }

    private static readonly IReadOnlySet<Guid> EmptySet = new HashSet<Guid>();
    private static readonly IReadOnlySet<string> EmptyScopes = new HashSet<string>();
}
