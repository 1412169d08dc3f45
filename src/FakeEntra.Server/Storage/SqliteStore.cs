using System.Text.Json;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Scenarios;
using Microsoft.Data.Sqlite;

namespace FakeEntra.Server.Storage;

/// <summary>
/// The state file: one row per tenant (its whole directory as Graph-shaped JSON), signing keys and a little metadata.
/// Writes are rare (seeding, admin changes); the token path reads the in-memory snapshot instead.
/// </summary>
public sealed class SqliteStore
{
    private readonly string _connectionString;

    public SqliteStore(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        DatabasePath = Path.Combine(dataDirectory, "fakeentra.db");
        // The state file holds the token-signing private key. SQLite gives its -wal, -shm and -journal files the database's
        // mode, so the database is created owner-only before SQLite opens it; files an older version left readable are restricted.
        OwnerOnly.Ensure(DatabasePath);
        foreach (var companion in (string[])["-wal", "-shm", "-journal"]) OwnerOnly.Restrict(DatabasePath + companion);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = true }.ToString();
        using var connection = Open();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS tenants (id TEXT PRIMARY KEY, json TEXT NOT NULL, updated TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS signing_keys (kid TEXT PRIMARY KEY, certificate BLOB NOT NULL, private_key BLOB NOT NULL, created TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS revoked_grants (id TEXT PRIMARY KEY, revoked TEXT NOT NULL);
            """);
    }

    public string DatabasePath { get; }

    public IReadOnlyList<TenantDirectory> LoadTenants()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM tenants ORDER BY rowid";
        using var reader = command.ExecuteReader();
        var tenants = new List<TenantDirectory>();
        while (reader.Read())
            tenants.Add(JsonSerializer.Deserialize<TenantDirectory>(reader.GetString(0), DirectoryJson.Options)
                        ?? throw new InvalidDataException("A tenant row holds null."));
        return tenants;
    }

    /// <summary>Replaces the whole directory in one transaction (seeding and <c>--reset</c>).</summary>
    public void ReplaceTenants(IReadOnlyList<TenantDirectory> tenants, string source)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "DELETE FROM tenants", transaction);
        var now = DateTimeOffset.UtcNow.ToString("O");
        foreach (var tenant in tenants)
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO tenants (id, json, updated) VALUES ($id, $json, $updated)";
            insert.Parameters.AddWithValue("$id", tenant.Id.ToString("D"));
            insert.Parameters.AddWithValue("$json", JsonSerializer.Serialize(tenant, DirectoryJson.Options));
            insert.Parameters.AddWithValue("$updated", now);
            insert.ExecuteNonQuery();
        }
        SetMeta(connection, "scenario", source, transaction);
        SetMeta(connection, "seeded", now, transaction);
        transaction.Commit();
    }

    /// <summary>Rewrites one tenant's directory.</summary>
    public void SaveTenant(TenantDirectory tenant)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE tenants SET json = $json, updated = $updated WHERE id = $id";
        command.Parameters.AddWithValue("$id", tenant.Id.ToString("D"));
        command.Parameters.AddWithValue("$json", JsonSerializer.Serialize(tenant, DirectoryJson.Options));
        command.Parameters.AddWithValue("$updated", DateTimeOffset.UtcNow.ToString("O"));
        if (command.ExecuteNonQuery() != 1) throw new InvalidOperationException($"Tenant {tenant.Id} is not stored.");
    }

    public string? GetMeta(string key)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    public IReadOnlyList<(byte[] Certificate, byte[] PrivateKey)> LoadSigningKeys()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT certificate, private_key FROM signing_keys ORDER BY created DESC";
        using var reader = command.ExecuteReader();
        var keys = new List<(byte[], byte[])>();
        while (reader.Read()) keys.Add(((byte[])reader[0], (byte[])reader[1]));
        return keys;
    }

    public void AddSigningKey(string kid, byte[] certificate, byte[] privateKey)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO signing_keys (kid, certificate, private_key, created) VALUES ($kid, $cert, $key, $created)";
        command.Parameters.AddWithValue("$kid", kid);
        command.Parameters.AddWithValue("$cert", certificate);
        command.Parameters.AddWithValue("$key", privateKey);
        command.Parameters.AddWithValue("$created", DateTimeOffset.UtcNow.ToString("O"));
        command.ExecuteNonQuery();
    }

    public IReadOnlyList<Guid> LoadRevokedGrants()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM revoked_grants";
        using var reader = command.ExecuteReader();
        var ids = new List<Guid>();
        while (reader.Read()) ids.Add(Guid.Parse(reader.GetString(0)));
        return ids;
    }

    public void AddRevokedGrant(Guid id)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO revoked_grants (id, revoked) VALUES ($id, $revoked)";
        command.Parameters.AddWithValue("$id", id.ToString("D"));
        command.Parameters.AddWithValue("$revoked", DateTimeOffset.UtcNow.ToString("O"));
        command.ExecuteNonQuery();
    }

    /// <summary>An open connection to the state file (pooled), for the stores that keep tables in it.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void SetMeta(SqliteConnection connection, string key, string value, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO meta (key, value) VALUES ($key, $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
