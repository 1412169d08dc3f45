using System.Collections.Immutable;

namespace FakeEntra.Core.DirectoryObjects;

/// <summary>
/// An immutable, indexed view of the whole world: every lookup the token path needs without touching storage.
/// A change makes a new snapshot that shares everything it did not touch (<see cref="Apply"/>), so a write costs what it changed,
/// not the size of the world.
/// </summary>
public sealed class DirectorySnapshot
{
    private readonly ImmutableList<Guid> _order;
    private readonly PartitionedIndex<Guid, TenantDirectory> _tenants;
    private readonly PartitionedIndex<string, Guid> _tenantsByDomain;
    private readonly PartitionedIndex<Guid, Application> _applications;
    private readonly PartitionedIndex<Guid, Guid> _applicationHomeTenant;
    private readonly PartitionedIndex<string, Application> _applicationsByIdentifier;
    private readonly PartitionedIndex<(Guid Tenant, Guid AppId), ServicePrincipal> _servicePrincipals;
    private readonly PartitionedIndex<(Guid Tenant, Guid Id), Guid> _servicePrincipalAppIds;
    private readonly PartitionedIndex<(Guid Tenant, Guid Id), User> _users;
    private readonly PartitionedIndex<string, (Guid Tenant, Guid User)> _usersByUpn;
    // Per tenant, computed on first use after its groups change.
    private readonly ImmutableDictionary<Guid, Lazy<Dictionary<Guid, IReadOnlySet<Guid>>>> _transitiveGroups;

    public DirectorySnapshot(IEnumerable<TenantDirectory> tenants) : this(Empty.With(tenants))
    {
    }

    private DirectorySnapshot(DirectorySnapshot other) : this(other._order, other._tenants, other._tenantsByDomain, other._applications, other._applicationHomeTenant,
        other._applicationsByIdentifier, other._servicePrincipals, other._servicePrincipalAppIds, other._users, other._usersByUpn, other._transitiveGroups)
    {
    }

    private DirectorySnapshot(ImmutableList<Guid> order, PartitionedIndex<Guid, TenantDirectory> tenants, PartitionedIndex<string, Guid> tenantsByDomain,
        PartitionedIndex<Guid, Application> applications, PartitionedIndex<Guid, Guid> applicationHomeTenant,
        PartitionedIndex<string, Application> applicationsByIdentifier, PartitionedIndex<(Guid, Guid), ServicePrincipal> servicePrincipals,
        PartitionedIndex<(Guid, Guid), Guid> servicePrincipalAppIds, PartitionedIndex<(Guid, Guid), User> users, PartitionedIndex<string, (Guid, Guid)> usersByUpn,
        ImmutableDictionary<Guid, Lazy<Dictionary<Guid, IReadOnlySet<Guid>>>> transitiveGroups)
    {
        _order = order;
        _tenants = tenants;
        _tenantsByDomain = tenantsByDomain;
        _applications = applications;
        _applicationHomeTenant = applicationHomeTenant;
        _applicationsByIdentifier = applicationsByIdentifier;
        _servicePrincipals = servicePrincipals;
        _servicePrincipalAppIds = servicePrincipalAppIds;
        _users = users;
        _usersByUpn = usersByUpn;
        _transitiveGroups = transitiveGroups;
        Tenants = [.. order.Select(id => tenants[id])];
    }

    private static DirectorySnapshot Empty { get; } = FirstParty(new(
        [], PartitionedIndex<Guid, TenantDirectory>.Empty(), PartitionedIndex<string, Guid>.Empty(StringComparer.OrdinalIgnoreCase),
        PartitionedIndex<Guid, Application>.Empty(), PartitionedIndex<Guid, Guid>.Empty(), PartitionedIndex<string, Application>.Empty(StringComparer.OrdinalIgnoreCase),
        PartitionedIndex<(Guid, Guid), ServicePrincipal>.Empty(), PartitionedIndex<(Guid, Guid), Guid>.Empty(), PartitionedIndex<(Guid, Guid), User>.Empty(),
        PartitionedIndex<string, (Guid, Guid)>.Empty(StringComparer.OrdinalIgnoreCase), ImmutableDictionary<Guid, Lazy<Dictionary<Guid, IReadOnlySet<Guid>>>>.Empty));

    // Microsoft's first-party apps, found by app id and identifier URI, registered in no tenant.
    private static DirectorySnapshot FirstParty(DirectorySnapshot empty)
    {
        var indexes = new IndexBuilders(empty);
        foreach (var app in FirstPartyApplications.All) indexes.AddApplication(null, app);
        return indexes.Build(empty._order, empty._transitiveGroups);
    }

    public IReadOnlyList<TenantDirectory> Tenants { get; }

    // Whole tenants at once (loading): indexed in one pass rather than object by object.
    private DirectorySnapshot With(IEnumerable<TenantDirectory> added)
    {
        var order = _order.ToBuilder();
        var indexes = new IndexBuilders(this);
        var transitive = _transitiveGroups.ToBuilder();
        foreach (var tenant in added)
        {
            var id = tenant.Id;
            order.Add(id);
            indexes.Tenants[id] = tenant;
            indexes.AddDomains(id, tenant.Organization);
            foreach (var app in tenant.Applications) indexes.AddApplication(id, app);
            foreach (var sp in tenant.ServicePrincipals) indexes.AddServicePrincipal(id, sp);
            indexes.ProvisionFirstParty(id);
            foreach (var user in tenant.Users) indexes.AddUser(id, user);
            transitive[id] = new Lazy<Dictionary<Guid, IReadOnlySet<Guid>>>(() => IndexGroups(tenant));
        }
        return indexes.Build(order.ToImmutable(), transitive.ToImmutable());
    }

    /// <summary>
    /// The snapshot after <paramref name="edits"/> (in order): each touches its object's entries in the indexes; an organization
    /// saved for a tenant not yet known adds the tenant.
    /// </summary>
    public DirectorySnapshot Apply(IEnumerable<DirectoryEdit> edits)
    {
        var order = _order;
        var indexes = new IndexBuilders(this);
        var groupsChanged = new HashSet<Guid>();
        foreach (var edit in edits)
        {
            var id = edit.TenantId;
            if (!indexes.Tenants.TryGetValue(id, out var before))
            {
                if (edit is not ObjectSaved { Value: Organization organization }) throw new InvalidOperationException($"No tenant {id}.");
                before = new TenantDirectory { Organization = organization };
                order = order.Add(id);
                indexes.ProvisionFirstParty(id);
            }
            var after = edit.ApplyTo(before);
            indexes.Tenants[id] = after;
            switch (edit)
            {
                case ObjectSaved or ObjectDeleted when Kind(edit) == DirectoryObjectKinds.Organization:
                    indexes.RemoveDomains(before.Organization);
                    indexes.AddDomains(id, after.Organization);
                    break;
                case ObjectSaved or ObjectDeleted when Kind(edit) == DirectoryObjectKinds.User:
                    if (DirectoryObjectKinds.User.Find(before, KeyOf(edit)) is { } oldUser) indexes.RemoveUser(id, oldUser);
                    if (DirectoryObjectKinds.User.Find(after, KeyOf(edit)) is { } newUser) indexes.AddUser(id, newUser);
                    break;
                case ObjectSaved or ObjectDeleted when Kind(edit) == DirectoryObjectKinds.Application:
                    if (DirectoryObjectKinds.Application.Find(before, KeyOf(edit)) is { } oldApp) indexes.RemoveApplication(oldApp);
                    if (DirectoryObjectKinds.Application.Find(after, KeyOf(edit)) is { } newApp) indexes.AddApplication(id, newApp);
                    break;
                case ObjectSaved or ObjectDeleted when Kind(edit) == DirectoryObjectKinds.ServicePrincipal:
                    if (DirectoryObjectKinds.ServicePrincipal.Find(before, KeyOf(edit)) is { } oldSp) indexes.RemoveServicePrincipal(id, oldSp);
                    if (DirectoryObjectKinds.ServicePrincipal.Find(after, KeyOf(edit)) is { } newSp) indexes.AddServicePrincipal(id, newSp);
                    break;
                case ObjectSaved or ObjectDeleted when Kind(edit) == DirectoryObjectKinds.Group:
                case GroupMemberAdded or GroupMemberRemoved:
                    groupsChanged.Add(id);
                    break;
                case PrivacyConsentAdded { UserId: var consenting }:
                    Reindex(indexes.Users, id, after, consenting);
                    break;
                case PrivacyConsentRemoved { UserId: var withdrawing }:
                    Reindex(indexes.Users, id, after, withdrawing);
                    break;
            }
        }
        var tenantsNow = indexes.Tenants.ToImmutable();
        var transitive = _transitiveGroups.ToBuilder();
        foreach (var id in groupsChanged)
        {
            var tenant = tenantsNow[id];
            transitive[id] = new Lazy<Dictionary<Guid, IReadOnlySet<Guid>>>(() => IndexGroups(tenant));
        }
        return indexes.Build(order, transitive.ToImmutable());
    }

    /// <summary>A snapshot's indexes opened for change: each kind of object indexed and un-indexed in one place, for loading and for edits.</summary>
    private sealed class IndexBuilders(DirectorySnapshot from)
    {
        public PartitionedIndex<Guid, TenantDirectory>.Builder Tenants { get; } = from._tenants.ToBuilder();
        public PartitionedIndex<(Guid, Guid), User>.Builder Users { get; } = from._users.ToBuilder();
        private readonly PartitionedIndex<string, Guid>.Builder _domains = from._tenantsByDomain.ToBuilder();
        private readonly PartitionedIndex<Guid, Application>.Builder _applications = from._applications.ToBuilder();
        private readonly PartitionedIndex<Guid, Guid>.Builder _applicationHome = from._applicationHomeTenant.ToBuilder();
        private readonly PartitionedIndex<string, Application>.Builder _identifiers = from._applicationsByIdentifier.ToBuilder();
        private readonly PartitionedIndex<(Guid, Guid), ServicePrincipal>.Builder _servicePrincipals = from._servicePrincipals.ToBuilder();
        private readonly PartitionedIndex<(Guid, Guid), Guid>.Builder _servicePrincipalAppIds = from._servicePrincipalAppIds.ToBuilder();
        private readonly PartitionedIndex<string, (Guid, Guid)>.Builder _usersByUpn = from._usersByUpn.ToBuilder();

        public void AddDomains(Guid tenantId, Organization organization)
        {
            foreach (var domain in organization.VerifiedDomains) _domains[domain.Name] = tenantId;
        }

        public void RemoveDomains(Organization organization)
        {
            foreach (var domain in organization.VerifiedDomains) _domains.Remove(domain.Name);
        }

        /// <summary>An app registered in <paramref name="tenantId"/>, or one of Microsoft's (registered in none of the world's tenants).</summary>
        public void AddApplication(Guid? tenantId, Application app)
        {
            _applications[app.AppId] = app;
            if (tenantId is { } home) _applicationHome[app.AppId] = home;
            foreach (var uri in app.IdentifierUris) _identifiers[uri.TrimEnd('/')] = app;
        }

        public void RemoveApplication(Application app)
        {
            _applications.Remove(app.AppId);
            _applicationHome.Remove(app.AppId);
            foreach (var uri in app.IdentifierUris) _identifiers.Remove(uri.TrimEnd('/'));
        }

        public void AddServicePrincipal(Guid tenantId, ServicePrincipal sp)
        {
            _servicePrincipals[(tenantId, sp.AppId)] = sp;
            _servicePrincipalAppIds[(tenantId, sp.Id)] = sp.AppId;
        }

        public void RemoveServicePrincipal(Guid tenantId, ServicePrincipal sp)
        {
            _servicePrincipals.Remove((tenantId, sp.AppId));
            _servicePrincipalAppIds.Remove((tenantId, sp.Id));
        }

        // Microsoft's first-party apps FakeEntra provisions in every tenant that has not declared their service principal.
        public void ProvisionFirstParty(Guid tenantId)
        {
            foreach (var app in FirstPartyApplications.All)
                if (!_servicePrincipals.ContainsKey((tenantId, app.AppId)) && FirstPartyApplications.ProvisionedServicePrincipal(tenantId, app.AppId) is { } provisioned)
                    AddServicePrincipal(tenantId, provisioned);
        }

        public void AddUser(Guid tenantId, User user)
        {
            Users[(tenantId, user.Id)] = user;
            _usersByUpn[user.UserPrincipalName] = (tenantId, user.Id);
        }

        public void RemoveUser(Guid tenantId, User user)
        {
            Users.Remove((tenantId, user.Id));
            _usersByUpn.Remove(user.UserPrincipalName);
        }

        public DirectorySnapshot Build(ImmutableList<Guid> order, ImmutableDictionary<Guid, Lazy<Dictionary<Guid, IReadOnlySet<Guid>>>> transitive) =>
            new(order, Tenants.ToImmutable(), _domains.ToImmutable(), _applications.ToImmutable(), _applicationHome.ToImmutable(), _identifiers.ToImmutable(),
                _servicePrincipals.ToImmutable(), _servicePrincipalAppIds.ToImmutable(), Users.ToImmutable(), _usersByUpn.ToImmutable(), transitive);
    }

    private static void Reindex(PartitionedIndex<(Guid, Guid), User>.Builder users, Guid tenantId, TenantDirectory tenant, Guid userId)
    {
        if (tenant.Users.FirstOrDefault(u => u.Id == userId) is { } user) users[(tenantId, userId)] = user;
    }

    private static DirectoryObjectKind Kind(DirectoryEdit edit) => edit switch
    {
        ObjectSaved saved => saved.Kind,
        ObjectDeleted deleted => deleted.Kind,
        _ => throw new ArgumentException("Not an object edit.", nameof(edit)),
    };

    private static string KeyOf(DirectoryEdit edit) => edit switch
    {
        ObjectSaved saved => saved.Key,
        ObjectDeleted deleted => deleted.Key,
        _ => throw new ArgumentException("Not an object edit.", nameof(edit)),
    };

    public TenantDirectory? FindTenant(Guid id) => _tenants.GetValueOrDefault(id);

    public TenantDirectory? FindTenantByDomain(string domain) => _tenantsByDomain.TryGetValue(domain, out var id) ? _tenants[id] : null;

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
        _usersByUpn.TryGetValue(upn, out var found) ? (_tenants[found.Tenant], _users[found]) : null;

    /// <summary>The B2B collaboration guest object a tenant holds for an account of another tenant (matched by its mail).</summary>
    public User? FindGuest(Guid tenantId, string homeUserPrincipalName) =>
        FindTenant(tenantId)?.Users.FirstOrDefault(u => u.IsGuest && string.Equals(u.Mail, homeUserPrincipalName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Groups the user belongs to, directly or through nested groups.</summary>
    public IReadOnlySet<Guid> GroupsOf(Guid tenantId, Guid userId) =>
        _transitiveGroups.TryGetValue(tenantId, out var groups) ? groups.Value.GetValueOrDefault(userId) ?? EmptySet : EmptySet;

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

    private static Dictionary<Guid, IReadOnlySet<Guid>> IndexGroups(TenantDirectory tenant)
    {
        var parents = new Dictionary<Guid, List<Guid>>();
        foreach (var group in tenant.Groups)
            foreach (var member in group.Members)
                (parents.TryGetValue(member, out var list) ? list : parents[member] = []).Add(group.Id);

        var result = new Dictionary<Guid, IReadOnlySet<Guid>>();
        foreach (var user in tenant.Users)
        {
            var found = new HashSet<Guid>();
            var pending = new Stack<Guid>(parents.GetValueOrDefault(user.Id) ?? []);
            while (pending.TryPop(out var groupId))
                if (found.Add(groupId))
                    foreach (var parent in parents.GetValueOrDefault(groupId) ?? []) pending.Push(parent);
            if (found.Count > 0) result[user.Id] = found;
        }
        return result;
    }

    private static readonly IReadOnlySet<Guid> EmptySet = new HashSet<Guid>();
    private static readonly IReadOnlySet<string> EmptyScopes = new HashSet<string>();
}
