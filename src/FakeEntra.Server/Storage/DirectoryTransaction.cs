using System.Text.Json;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Monitoring;
using FakeEntra.Core.Scenarios;
using FakeEntra.Server.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace FakeEntra.Server.Storage;

/// <summary>
/// One write to one tenant's directory, inside a database transaction: it reads the objects as they are stored now (never a copy
/// read earlier), records each change as a row change and as the <see cref="DirectoryEdit"/> the in-memory snapshot replays
/// after the commit, and adds the audit row in the same transaction.
/// </summary>
public sealed class DirectoryTransaction(StateDb db, Guid tenantId)
{
    private readonly List<DirectoryEdit> _edits = [];

    public Guid TenantId => tenantId;

    /// <summary>What this write changed, in order.</summary>
    public IReadOnlyList<DirectoryEdit> Edits => _edits;

    /// <summary>
    /// The tenant has no rows yet (seeding): <see cref="ApplyAsync"/> appends its rows in INSERTs (<see cref="RowInserter"/>)
    /// without looking for stored ones, and without the change tracker, whose first use compiles much of EF Core just in time on the
    /// path to a first start's first token.
    /// </summary>
    public bool NewTenant { get; init; }

    /// <summary>What a unique key already taken means to the caller (two writers created the same object at once).</summary>
    public Func<Exception>? Conflict { get; set; }

    public async Task<Stored<T>?> FindAsync<T>(DirectoryObjectKind<T> kind, string key) where T : class
    {
        var row = await db.DirectoryObjects.SingleOrDefaultAsync(r => r.TenantId == tenantId && r.Kind == kind.Name && r.Key == key);
        return row is null ? null : new Stored<T>((T)Deserialize(kind, row.Json), row);
    }

    /// <summary>The object of this kind whose unique name (a user's principal name) is <paramref name="name"/>, compared case-insensitively.</summary>
    public async Task<Stored<T>?> FindByUniqueNameAsync<T>(DirectoryObjectKind<T> kind, string name) where T : class
    {
        var unique = name.ToUpperInvariant();
        var row = await db.DirectoryObjects.SingleOrDefaultAsync(r => r.TenantId == tenantId && r.Kind == kind.Name && r.UniqueName == unique);
        return row is null ? null : new Stored<T>((T)Deserialize(kind, row.Json), row);
    }

    public void Add<T>(DirectoryObjectKind<T> kind, T value) where T : class
    {
        db.DirectoryObjects.Add(NewRow(tenantId, kind, value));
        _edits.Add(new ObjectSaved(tenantId, kind, value));
    }

    /// <summary>Replaces the stored object; the commit fails if another writer changed it since it was read.</summary>
    public void Update<T>(DirectoryObjectKind<T> kind, Stored<T> stored, T value) where T : class
    {
        stored.Row.Json = Serialize(kind, value);
        stored.Row.UniqueName = kind.UniqueNameOf(value);
        stored.Row.Version++;
        _edits.Add(new ObjectSaved(tenantId, kind, value));
    }

    public void Delete<T>(DirectoryObjectKind<T> kind, Stored<T> stored) where T : class
    {
        db.DirectoryObjects.Remove(stored.Row);
        _edits.Add(new ObjectDeleted(tenantId, kind, stored.Row.Key));
    }

    public async Task<bool> ExistsAsync(DirectoryObjectKind kind, string key) =>
        await db.DirectoryObjects.AnyAsync(r => r.TenantId == tenantId && r.Kind == kind.Name && r.Key == key);

    public async Task<bool> IsMemberAsync(Guid groupId, Guid memberId) =>
        await db.GroupMembers.AnyAsync(m => m.TenantId == tenantId && m.GroupId == groupId && m.MemberId == memberId);

    public void AddMember(Guid groupId, Guid memberId)
    {
        db.GroupMembers.Add(new GroupMemberRow { TenantId = tenantId, GroupId = groupId, MemberId = memberId });
        _edits.Add(new GroupMemberAdded(tenantId, groupId, memberId));
    }

    /// <summary>Removes the membership; false when there was none.</summary>
    public async Task<bool> RemoveMemberAsync(Guid groupId, Guid memberId)
    {
        var row = await db.GroupMembers.SingleOrDefaultAsync(m => m.TenantId == tenantId && m.GroupId == groupId && m.MemberId == memberId);
        if (row is null) return false;
        db.GroupMembers.Remove(row);
        _edits.Add(new GroupMemberRemoved(tenantId, groupId, memberId));
        return true;
    }

    /// <summary>Takes an object out of every group it is in (it is being deleted).</summary>
    public async Task RemoveFromGroupsAsync(Guid memberId)
    {
        foreach (var row in await db.GroupMembers.Where(m => m.TenantId == tenantId && m.MemberId == memberId).ToListAsync())
        {
            db.GroupMembers.Remove(row);
            _edits.Add(new GroupMemberRemoved(tenantId, row.GroupId, memberId));
        }
    }

    /// <summary>Removes every member of a group (it is being deleted).</summary>
    public async Task RemoveMembersAsync(Guid groupId)
    {
        foreach (var row in await db.GroupMembers.Where(m => m.TenantId == tenantId && m.GroupId == groupId).ToListAsync())
        {
            db.GroupMembers.Remove(row);
            _edits.Add(new GroupMemberRemoved(tenantId, groupId, row.MemberId));
        }
    }

    public async Task<IReadOnlyList<Guid>> PrivacyConsentsAsync(Guid userId) =>
        await db.PrivacyConsents.Where(c => c.TenantId == tenantId && c.UserId == userId).OrderBy(c => c.Sequence).Select(c => c.ResourceTenantId).ToListAsync();

    public void AddPrivacyConsent(Guid userId, Guid resourceTenantId)
    {
        db.PrivacyConsents.Add(new PrivacyConsentRow { TenantId = tenantId, UserId = userId, ResourceTenantId = resourceTenantId });
        _edits.Add(new PrivacyConsentAdded(tenantId, userId, resourceTenantId));
    }

    /// <summary>Withdraws an acceptance; false when there was none.</summary>
    public async Task<bool> RemovePrivacyConsentAsync(Guid userId, Guid resourceTenantId)
    {
        var row = await db.PrivacyConsents.SingleOrDefaultAsync(c => c.TenantId == tenantId && c.UserId == userId && c.ResourceTenantId == resourceTenantId);
        if (row is null) return false;
        db.PrivacyConsents.Remove(row);
        _edits.Add(new PrivacyConsentRemoved(tenantId, userId, resourceTenantId));
        return true;
    }

    /// <summary>The audit row of this change, committed with it.</summary>
    public void Audit(DirectoryAudit audit) => db.DirectoryAudits.Add(new DirectoryAuditRow
    {
        TenantId = tenantId,
        Id = audit.Id,
        Created = audit.ActivityDateTime.UtcDateTime,
        CorrelationId = audit.CorrelationId,
        Json = JsonSerializer.Serialize(audit, DirectoryJson.Options),
    });

    /// <summary>Applies edits computed elsewhere (seeding, a whole tenant changed at once) to the rows.</summary>
    public async Task ApplyAsync(IEnumerable<DirectoryEdit> edits)
    {
        if (NewTenant)
        {
            await AddTenantAsync(edits);
            return;
        }
        foreach (var edit in edits)
        {
            switch (edit)
            {
                case ObjectSaved saved:
                    var row = await db.DirectoryObjects.SingleOrDefaultAsync(r => r.TenantId == tenantId && r.Kind == saved.Kind.Name && r.Key == saved.Key);
                    if (row is null) db.DirectoryObjects.Add(NewRow(tenantId, saved.Kind, saved.Value));
                    else
                    {
                        row.Json = Serialize(saved.Kind, saved.Value);
                        row.UniqueName = saved.Kind.UniqueNameOf(saved.Value);
                        row.Version++;
                    }
                    _edits.Add(saved);
                    break;
                case ObjectDeleted deleted:
                    await db.DirectoryObjects.Where(r => r.TenantId == tenantId && r.Kind == deleted.Kind.Name && r.Key == deleted.Key).ExecuteDeleteAsync();
                    _edits.Add(deleted);
                    break;
                case GroupMemberAdded added:
                    AddMember(added.GroupId, added.MemberId);
                    break;
                case GroupMemberRemoved removed:
                    await RemoveMemberAsync(removed.GroupId, removed.MemberId);
                    break;
                case PrivacyConsentAdded consent:
                    AddPrivacyConsent(consent.UserId, consent.ResourceTenantId);
                    break;
                case PrivacyConsentRemoved withdrawn:
                    await RemovePrivacyConsentAsync(withdrawn.UserId, withdrawn.ResourceTenantId);
                    break;
            }
        }
    }

    private async Task AddTenantAsync(IEnumerable<DirectoryEdit> edits)
    {
        var objects = new List<DirectoryObjectRow>();
        var members = new List<GroupMemberRow>();
        var consents = new List<PrivacyConsentRow>();
        foreach (var edit in edits)
        {
            switch (edit)
            {
                case ObjectSaved saved:
                    objects.Add(NewRow(tenantId, saved.Kind, saved.Value));
                    break;
                case GroupMemberAdded added:
                    members.Add(new GroupMemberRow { TenantId = tenantId, GroupId = added.GroupId, MemberId = added.MemberId });
                    break;
                case PrivacyConsentAdded consent:
                    consents.Add(new PrivacyConsentRow { TenantId = tenantId, UserId = consent.UserId, ResourceTenantId = consent.ResourceTenantId });
                    break;
                default:
                    throw new InvalidOperationException($"A new tenant's edits only add; {edit.GetType().Name} does not.");
            }
            _edits.Add(edit);
        }
        await RowInserter.InsertAsync(db, objects);
        await RowInserter.InsertAsync(db, members);
        await RowInserter.InsertAsync(db, consents);
    }

    /// <summary>Every tenant as stored, in the order tenants and their objects were added.</summary>
    public static IReadOnlyList<TenantDirectory> Load(StateSql sql)
    {
        // Each row is deserialized as it is read: the text of a large world is never held whole.
        var rows = sql.Read("""SELECT "TenantId", "Kind", "Json" FROM "DirectoryObjects" ORDER BY "Sequence" """,
            r =>
            {
                var kind = DirectoryObjectKinds.Named(r.GetString(1));
                return (TenantId: r.GetGuid(0), Kind: kind, Value: Deserialize(kind, r.GetString(2)));
            });
        var members = sql.Read("""SELECT "TenantId", "GroupId", "MemberId" FROM "GroupMembers" ORDER BY "Sequence" """, r => (Key: (r.GetGuid(0), r.GetGuid(1)), Id: r.GetGuid(2)))
            .GroupBy(m => m.Key).ToDictionary(g => g.Key, g => (IReadOnlyList<Guid>)[.. g.Select(m => m.Id)]);
        var consents = sql.Read("""SELECT "TenantId", "UserId", "ResourceTenantId" FROM "PrivacyConsents" ORDER BY "Sequence" """, r => (Key: (r.GetGuid(0), r.GetGuid(1)), Id: r.GetGuid(2)))
            .GroupBy(c => c.Key).ToDictionary(g => g.Key, g => (IReadOnlyList<Guid>)[.. g.Select(c => c.Id)]);
        var tenants = new List<TenantDirectory>();
        foreach (var tenantRows in rows.GroupBy(r => r.TenantId))
        {
            var byKind = tenantRows.ToLookup(r => r.Kind);
            var tenant = new TenantDirectory { Organization = (Organization)byKind[DirectoryObjectKinds.Organization].Single().Value };
            foreach (var kind in DirectoryObjectKinds.All.Skip(1))
            {
                var values = byKind[kind].Select(r => r.Value);
                if (kind == DirectoryObjectKinds.User)
                    values = values.Cast<User>().Select(u => u with
                    {
                        PrivacyConsents = consents.GetValueOrDefault((tenant.Id, u.Id)) ?? [],
                        // An empty list read from JSON is an object per user (6 MB for 100,000 users): one empty list serves them all.
                        AuthenticationMethods = u.AuthenticationMethods.Count == 0 ? [] : u.AuthenticationMethods,
                        AppRoleAssignments = u.AppRoleAssignments.Count == 0 ? [] : u.AppRoleAssignments,
                    });
                else if (kind == DirectoryObjectKinds.Group)
                    values = values.Cast<Group>().Select(g => g with { Members = members.GetValueOrDefault((tenant.Id, g.Id)) ?? [] });
                tenant = kind.WithAll(tenant, values);
            }
            tenants.Add(tenant);
        }
        return tenants;
    }

    private static DirectoryObjectRow NewRow(Guid tenantId, DirectoryObjectKind kind, object value) => new()
    {
        TenantId = tenantId,
        Kind = kind.Name,
        Key = kind.KeyOf(value),
        UniqueName = kind.UniqueNameOf(value),
        Json = Serialize(kind, value),
        Version = 1,
    };

    private static string Serialize(DirectoryObjectKind kind, object value) => JsonSerializer.Serialize(kind.Stored(value), kind.Type, DirectoryJson.Options);

    private static object Deserialize(DirectoryObjectKind kind, string json) =>
        JsonSerializer.Deserialize(json, kind.Type, DirectoryJson.Options) ?? throw new InvalidDataException($"A {kind.Name} row holds null.");
}
