using System.Globalization;
using System.Text.Json;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Monitoring;
using FakeEntra.Core.Scenarios;
using FakeEntra.Server.SignInLogs;
using FakeEntra.Server.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace FakeEntra.Server.Storage;

/// <summary>
/// Upgrade in place from the state file of versions before EF Core, which kept each tenant's whole directory as one JSON row
/// (<c>tenants</c>) beside <c>signing_keys</c>, <c>meta</c>, <c>revoked_grants</c>, <c>directory_audits</c> and <c>sign_ins</c>.
/// Everything is copied into the new tables and the old ones dropped in one transaction: an import cut short leaves the old
/// tables as they were, and the next start imports again.
/// </summary>
public static class LegacyStateImport
{
    private static readonly string[] LegacyTables = ["tenants", "signing_keys", "meta", "revoked_grants", "directory_audits", "sign_ins"];

    public static bool Needed(StateSql sql) => Exists(sql, "tenants");

    public static void Run(StateDb db)
    {
        using var transaction = db.Database.BeginTransaction();
        var sql = StateSql.Of(db);
        var tenants = sql.Read("SELECT json FROM tenants ORDER BY rowid", r => JsonSerializer.Deserialize<TenantDirectory>(r.GetString(0), DirectoryJson.Options)
                                                                                   ?? throw new InvalidDataException("A tenant row holds null."));
        foreach (var tenant in tenants) new DirectoryTransaction(db, tenant.Id).ApplyAsync(DirectoryDiff.Between(null, tenant)).GetAwaiter().GetResult();
        if (Exists(sql, "signing_keys"))
            db.SigningKeys.AddRange(sql.Read("SELECT kid, certificate, private_key, created FROM signing_keys", r => new SigningKeyRow
            {
                Kid = r.GetString(0),
                Certificate = (byte[])r[1],
                PrivateKey = (byte[])r[2],
                Created = Utc(r.GetString(3)),
            }));
        if (Exists(sql, "meta"))
            db.Settings.AddRange(sql.Read("SELECT key, value FROM meta", r => new SettingRow { Key = r.GetString(0), Value = r.GetString(1) }));
        if (Exists(sql, "revoked_grants"))
            db.GrantRevocations.AddRange(sql.Read("SELECT id, revoked FROM revoked_grants", r => new GrantRevocationRow { GrantId = Guid.Parse(r.GetString(0)), Revoked = Utc(r.GetString(1)) }));
        if (Exists(sql, "directory_audits"))
            db.DirectoryAudits.AddRange(sql.Read("SELECT tenant_id, json FROM directory_audits ORDER BY created, rowid", r =>
            {
                var audit = JsonSerializer.Deserialize<DirectoryAudit>(r.GetString(1), DirectoryJson.Options)!;
                return new DirectoryAuditRow
                {
                    TenantId = Guid.Parse(r.GetString(0)),
                    Id = audit.Id,
                    Created = audit.ActivityDateTime.UtcDateTime,
                    CorrelationId = audit.CorrelationId,
                    Json = r.GetString(1),
                };
            }));
        if (Exists(sql, "sign_ins"))
            db.SignIns.AddRange(sql.Read("SELECT tenant_id, json FROM sign_ins ORDER BY created, rowid",
                r => SignInLogStore.ToRow(Guid.Parse(r.GetString(0)), JsonSerializer.Deserialize<SignIn>(r.GetString(1), DirectoryJson.Options)!)));
        db.SaveChanges();
        foreach (var table in LegacyTables) sql.Execute("DROP TABLE IF EXISTS " + table);
        transaction.Commit();
    }

    private static DateTime Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).UtcDateTime;

    private static bool Exists(StateSql sql, string table) =>
        sql.Read("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'", r => r.GetInt64(0)).Single() > 0;
}
