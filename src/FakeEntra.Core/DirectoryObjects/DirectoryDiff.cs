namespace FakeEntra.Core.DirectoryObjects;

/// <summary>The edits that turn one version of a tenant into another (seeding, and changes made to a whole tenant at once).</summary>
public static class DirectoryDiff
{
    public static IReadOnlyList<DirectoryEdit> Between(TenantDirectory? before, TenantDirectory after)
    {
        var tenantId = after.Id;
        var edits = new List<DirectoryEdit>();
        var membersBefore = (before?.Groups ?? []).ToDictionary(g => g.Id, g => g.Members);
        var membersAfter = after.Groups.ToDictionary(g => g.Id, g => g.Members);
        var consentsBefore = (before?.Users ?? []).ToDictionary(u => u.Id, u => u.PrivacyConsents);
        var consentsAfter = after.Users.ToDictionary(u => u.Id, u => u.PrivacyConsents);

        foreach (var (group, members) in membersBefore)
            edits.AddRange(members.Except(membersAfter.GetValueOrDefault(group) ?? []).Select(m => new GroupMemberRemoved(tenantId, group, m)));
        foreach (var (user, consents) in consentsBefore)
            edits.AddRange(consents.Except(consentsAfter.GetValueOrDefault(user) ?? []).Select(t => new PrivacyConsentRemoved(tenantId, user, t)));

        foreach (var kind in DirectoryObjectKinds.All)
        {
            var old = (before is null ? [] : kind.In(before)).ToDictionary(kind.KeyOf);
            var now = kind.In(after).ToDictionary(kind.KeyOf);
            edits.AddRange(old.Keys.Where(key => !now.ContainsKey(key)).Select(key => new ObjectDeleted(tenantId, kind, key)));
            edits.AddRange(now.Where(o => !old.TryGetValue(o.Key, out var was) || !Equals(kind.Stored(was), kind.Stored(o.Value)))
                .Select(o => new ObjectSaved(tenantId, kind, o.Value)));
        }

        foreach (var (group, members) in membersAfter)
            edits.AddRange(members.Except(membersBefore.GetValueOrDefault(group) ?? []).Select(m => new GroupMemberAdded(tenantId, group, m)));
        foreach (var (user, consents) in consentsAfter)
            edits.AddRange(consents.Except(consentsBefore.GetValueOrDefault(user) ?? []).Select(t => new PrivacyConsentAdded(tenantId, user, t)));
        return edits;
    }
}
