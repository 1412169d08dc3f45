using System.Text.Json;
using FakeEntra.Core.Monitoring;
using FakeEntra.Core.Scenarios;
using FakeEntra.Server.Storage;
using FakeEntra.Server.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace FakeEntra.Server.SignInLogs;

/// <summary>Sign-in rows in the state file, one per (tenant, sign-in), with the columns Graph filters on.</summary>
public sealed class SignInLogStore(StateStore store)
{
    /// <summary>Writes one batch in one transaction.</summary>
    public Task AppendAsync(IReadOnlyList<(Guid TenantId, SignIn Row)> rows) =>
        store.WriteAsync(db => RowInserter.InsertAsync(db, [.. rows.Select(r => ToRow(r.TenantId, r.Row))]));

    public static SignInRow ToRow(Guid tenantId, SignIn row) => new()
    {
        TenantId = tenantId,
        Id = row.Id,
        Created = row.CreatedDateTime.UtcDateTime,
        CorrelationId = row.CorrelationId,
        UserPrincipalName = row.UserPrincipalName,
        AppId = row.AppId.ToString("D"),
        CrossTenantAccessType = row.CrossTenantAccessType,
        ErrorCode = row.Status.ErrorCode,
        Json = JsonSerializer.Serialize(row, SignInJson.Default.SignIn),
    };

    /// <summary>A tenant's rows matching a Graph filter, newest first.</summary>
    public IReadOnlyList<SignIn> Query(Guid tenantId, SignInFilter filter, int take, int skip)
    {
        using var db = store.Open();
        var rows = filter.Apply(db.SignIns.AsNoTracking().Where(s => s.TenantId == tenantId));
        return Read(rows.OrderByDescending(s => s.Created).ThenByDescending(s => s.Sequence).Skip(skip).Take(take));
    }

    /// <summary>One row of a tenant's log, or null.</summary>
    public SignIn? Find(Guid tenantId, Guid id)
    {
        using var db = store.Open();
        return Read(db.SignIns.AsNoTracking().Where(s => s.TenantId == tenantId && s.Id == id)).FirstOrDefault();
    }

    /// <summary>A tenant's rows, newest first.</summary>
    public IReadOnlyList<SignIn> Read(Guid tenantId, int top = 100) => Query(tenantId, SignInFilter.None, top, 0);

    private static List<SignIn> Read(IQueryable<SignInRow> rows) =>
        [.. rows.Select(s => s.Json).AsEnumerable().Select(json => JsonSerializer.Deserialize<SignIn>(json, DirectoryJson.Options)!)];
}
