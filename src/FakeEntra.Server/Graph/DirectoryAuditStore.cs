using System.Text.Json;
using FakeEntra.Core.Monitoring;
using FakeEntra.Core.Scenarios;
using FakeEntra.Server.Storage;
using Microsoft.Data.Sqlite;

namespace FakeEntra.Server.Graph;

/// <summary>Audit rows in the state file, written with the change they record (admin changes are rare).</summary>
public sealed class DirectoryAuditStore
{
    private readonly SqliteStore _store;

    public DirectoryAuditStore(SqliteStore store)
    {
        _store = store;
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS directory_audits (id TEXT NOT NULL, tenant_id TEXT NOT NULL, created TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (tenant_id, id));
            CREATE INDEX IF NOT EXISTS directory_audits_by_time ON directory_audits (tenant_id, created DESC);
            """;
        command.ExecuteNonQuery();
    }

    public void Append(Guid tenantId, DirectoryAudit audit)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO directory_audits (id, tenant_id, created, json) VALUES ($id, $tenant, $created, $json)";
        command.Parameters.AddWithValue("$id", audit.Id.ToString("D"));
        command.Parameters.AddWithValue("$tenant", tenantId.ToString("D"));
        command.Parameters.AddWithValue("$created", audit.ActivityDateTime.UtcDateTime.ToString("O"));
        command.Parameters.AddWithValue("$json", JsonSerializer.Serialize(audit, DirectoryJson.Options));
        command.ExecuteNonQuery();
    }

    public IReadOnlyList<DirectoryAudit> Read(Guid tenantId)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM directory_audits WHERE tenant_id = $tenant ORDER BY created DESC, rowid DESC";
        command.Parameters.AddWithValue("$tenant", tenantId.ToString("D"));
        using var reader = command.ExecuteReader();
        var rows = new List<DirectoryAudit>();
        while (reader.Read()) rows.Add(JsonSerializer.Deserialize<DirectoryAudit>(reader.GetString(0), DirectoryJson.Options)!);
        return rows;
    }

    private SqliteConnection Open() => _store.Open();
}
