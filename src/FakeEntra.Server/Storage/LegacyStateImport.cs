using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Monitoring;
using FakeEntra.Core.Scenarios;
using FakeEntra.Server.SignInLogs;
using FakeEntra.Server.Storage.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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

    public static bool Needed(StateDb db) => Exists(db, "tenants");

    public static void Run(StateDb db)
    {
        using var transaction = db.Database.BeginTransaction();
        var tenants = Read(db, "SELECT json FROM tenants ORDER BY rowid", r => JsonSerializer.Deserialize<TenantDirectory>(r.GetString(0), DirectoryJson.Options)
                                                                                   ?? throw new InvalidDataException("A tenant row holds null."));
        foreach (var tenant in tenants) new DirectoryTransaction(db, tenant.Id).ApplyAsync(DirectoryDiff.Between(null, tenant)).GetAwaiter().GetResult();
        if (Exists(db, "signing_keys"))
            db.SigningKeys.AddRange(Read(db, "SELECT kid, certificate, private_key, created FROM signing_keys", r => new SigningKeyRow
            {
                Kid = r.GetString(0),
                Certificate = (byte[])r[1],
                PrivateKey = (byte[])r[2],
                Created = Utc(r.GetString(3)),
            }));
        if (Exists(db, "meta"))
            db.Settings.AddRange(Read(db, "SELECT key, value FROM meta", r => new SettingRow { Key = r.GetString(0), Value = r.GetString(1) }));
        if (Exists(db, "revoked_grants"))
            db.GrantRevocations.AddRange(Read(db, "SELECT id, revoked FROM revoked_grants", r => new GrantRevocationRow { GrantId = Guid.Parse(r.GetString(0)), Revoked = Utc(r.GetString(1)) }));
        if (Exists(db, "directory_audits"))
            db.DirectoryAudits.AddRange(Read(db, "SELECT tenant_id, json FROM directory_audits ORDER BY created, rowid", r =>
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
        if (Exists(db, "sign_ins"))
            db.SignIns.AddRange(Read(db, "SELECT tenant_id, json FROM sign_ins ORDER BY created, rowid",
                r => SignInLogStore.ToRow(Guid.Parse(r.GetString(0)), JsonSerializer.Deserialize<SignIn>(r.GetString(1), DirectoryJson.Options)!)));
        db.SaveChanges();
        foreach (var table in LegacyTables) Read(db, "DROP TABLE IF EXISTS " + table, _ => 0);
        transaction.Commit();
    }

    private static DateTime Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).UtcDateTime;

    private static bool Exists(StateDb db, string table) =>
        Read(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'", r => r.GetInt64(0)).Single() > 0;

    private static List<T> Read<T>(StateDb db, string sql, Func<DbDataReader, T> map)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) db.Database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(map(reader));
        return rows;
    }
}
