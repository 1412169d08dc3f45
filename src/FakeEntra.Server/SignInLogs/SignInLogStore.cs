using System.Text.Json;
using FakeEntra.Core.Monitoring;
using FakeEntra.Core.Scenarios;
using FakeEntra.Server.Storage;
using Microsoft.Data.Sqlite;

namespace FakeEntra.Server.SignInLogs;

/// <summary>Sign-in rows in the state file, one per (tenant, sign-in), with the columns Graph filters on.</summary>
public sealed class SignInLogStore
{
    private readonly SqliteStore _store;

    public SignInLogStore(SqliteStore store)
    {
        _store = store;
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS sign_ins (
              id TEXT NOT NULL, tenant_id TEXT NOT NULL, created TEXT NOT NULL, user_principal_name TEXT NOT NULL, app_id TEXT NOT NULL,
              cross_tenant_access_type TEXT NOT NULL, error_code INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (tenant_id, id));
            CREATE INDEX IF NOT EXISTS sign_ins_by_time ON sign_ins (tenant_id, created DESC);
            """;
        command.ExecuteNonQuery();
    }

    public void Append(IReadOnlyList<(Guid TenantId, SignIn Row)> rows)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        foreach (var (tenantId, row) in rows)
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT OR REPLACE INTO sign_ins (id, tenant_id, created, user_principal_name, app_id, cross_tenant_access_type, error_code, json)
                VALUES ($id, $tenant, $created, $upn, $app, $type, $error, $json)
                """;
            insert.Parameters.AddWithValue("$id", row.Id.ToString("D"));
            insert.Parameters.AddWithValue("$tenant", tenantId.ToString("D"));
            insert.Parameters.AddWithValue("$created", row.CreatedDateTime.UtcDateTime.ToString("O"));
            insert.Parameters.AddWithValue("$upn", row.UserPrincipalName);
            insert.Parameters.AddWithValue("$app", row.AppId.ToString("D"));
            insert.Parameters.AddWithValue("$type", row.CrossTenantAccessType);
            insert.Parameters.AddWithValue("$error", row.Status.ErrorCode);
            insert.Parameters.AddWithValue("$json", JsonSerializer.Serialize(row, DirectoryJson.Options));
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>A tenant's rows matching a Graph filter, newest first.</summary>
    public IReadOnlyList<SignIn> Query(Guid tenantId, SignInFilter filter, int take, int skip)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT json FROM sign_ins WHERE tenant_id = $tenant{(filter.Sql.Length > 0 ? " AND " + filter.Sql : "")} ORDER BY created DESC, rowid DESC LIMIT $take OFFSET $skip";
        command.Parameters.AddWithValue("$tenant", tenantId.ToString("D"));
        command.Parameters.AddWithValue("$take", take);
        command.Parameters.AddWithValue("$skip", skip);
        foreach (var (name, value) in filter.Parameters) command.Parameters.AddWithValue(name, value);
        using var reader = command.ExecuteReader();
        var rows = new List<SignIn>();
        while (reader.Read()) rows.Add(JsonSerializer.Deserialize<SignIn>(reader.GetString(0), DirectoryJson.Options)!);
        return rows;
    }

    /// <summary>One row of a tenant's log, or null.</summary>
    public SignIn? Find(Guid tenantId, Guid id)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM sign_ins WHERE tenant_id = $tenant AND id = $id";
        command.Parameters.AddWithValue("$tenant", tenantId.ToString("D"));
        command.Parameters.AddWithValue("$id", id.ToString("D"));
        return command.ExecuteScalar() is string json ? JsonSerializer.Deserialize<SignIn>(json, DirectoryJson.Options) : null;
    }

    /// <summary>A tenant's rows, newest first.</summary>
    public IReadOnlyList<SignIn> Read(Guid tenantId, int top = 100) => Query(tenantId, SignInFilter.None, top, 0);

    private SqliteConnection Open() => _store.Open();
}
