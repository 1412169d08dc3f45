using System.Text.RegularExpressions;
using FakeEntra.Core.Monitoring;
using FakeEntra.Server.SignInLogs;

namespace FakeEntra.Server.Graph;

/// <summary>
/// A tenant's sign-in log (filtered in SQL by Graph's <c>$filter</c> subset) and directory audit log, newest first.
/// The Graph endpoints and the admin console both go through it.
/// </summary>
public sealed partial class AuditLogs(SignInLogWriter writer, SignInLogStore signIns, DirectoryAuditStore audits)
{
    /// <summary>Rows matching a Graph <c>$filter</c>; the queue of rows not yet written is flushed first, so a sign-in just made is there.</summary>
    public async Task<IReadOnlyList<SignIn>> SignInsAsync(GraphCaller caller, string? filter, int take, int skip)
    {
        caller.Require(GraphPermission.ReadAuditLogs);
        var parsed = SignInFilter.Parse(filter);
        await writer.FlushAsync();
        return signIns.Query(caller.Tenant.Id, parsed, take, skip);
    }

    /// <summary>Rows matching <c>category eq '…'</c> or <c>activityDisplayName eq '…'</c>, or all.</summary>
    public IEnumerable<DirectoryAudit> DirectoryAudits(GraphCaller caller, string? filter)
    {
        caller.Require(GraphPermission.ReadAuditLogs);
        var rows = audits.Read(caller.Tenant.Id).AsEnumerable();
        if (string.IsNullOrEmpty(filter)) return rows;
        var match = AuditFilter().Match(filter);
        if (!match.Success) throw GraphException.BadRequest($"Invalid filter clause: '{filter}'. Supported: category eq '…', activityDisplayName eq '…'.");
        var value = match.Groups["value"].Value.Replace("''", "'", StringComparison.Ordinal);
        return match.Groups["field"].Value == "category" ? rows.Where(r => r.Category == value) : rows.Where(r => r.ActivityDisplayName == value);
    }

    [GeneratedRegex(@"^\s*(?<field>category|activityDisplayName)\s+eq\s+'(?<value>(?:[^']|'')*)'\s*$")]
    private static partial Regex AuditFilter();
}
