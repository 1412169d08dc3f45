using FakeEntra.Server.Hosting;
using Microsoft.Data.Sqlite;

namespace FakeEntra.Server.Storage;

/// <summary>
/// A new SQLite state file gets its schema from the migrations' own script (<c>Migrations/sqlite.sql</c>, written by
/// <c>dotnet ef migrations script --no-transactions</c>: the tables, indexes and history rows Migrate() makes), run as plain SQL
/// in one transaction. Migrate() would first build EF Core's migration pipeline, nearly all of it compiled just in time: about a
/// quarter of a first start. StateModelTests checks that the script makes what Migrate() makes.
/// </summary>
public static class MigrationScript
{
    private const string ResourceName = "FakeEntra.Server.migrations.sqlite.sql";

    /// <summary>
    /// Creates the schema unless <paramref name="historyExists"/> finds the migrations' history; false when it does (another
    /// process starting on the same file may have made it first: the write lock is taken before the check).
    /// </summary>
    public static bool CreateSchema(SqliteConnection connection, string historyExists)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var sql = new StateSql(connection, transaction);
        if (sql.Read(historyExists, r => r.GetInt64(0))[0] > 0) return false;
        sql.Execute(EmbeddedResource.ReadText(ResourceName));
        transaction.Commit();
        return true;
    }
}
