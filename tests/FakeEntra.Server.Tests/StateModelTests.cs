using FakeEntra.Server.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FakeEntra.Server.Tests;

/// <summary>
/// The state's EF Core model exists three times: as <see cref="StateDb"/>'s OnModelCreating says, as the compiled model the server
/// runs on (Storage/CompiledModels, so that no start builds it), and as the migrations' snapshot. The three must agree for each
/// provider: a change to OnModelCreating needs <c>dotnet ef dbcontext optimize</c> and <c>dotnet ef migrations add</c> again.
/// A new SQLite state file is made by the migrations' script (<see cref="MigrationScript"/>), which must make what Migrate() makes:
/// after a migration is added, <c>dotnet ef migrations script --no-transactions -o src/FakeEntra.Server/Storage/Migrations/sqlite.sql</c>.
/// </summary>
public sealed class StateModelTests
{
    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_compiled_model_is_the_model_OnModelCreating_builds(string provider)
    {
        using var db = Context(provider);
        Assert.IsAssignableFrom<RuntimeModel>(db.Model);
        Assert.Equal(Describe(db.GetService<IDesignTimeModel>().Model), Describe(db.Model));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_migrations_hold_every_change_of_the_model(string provider)
    {
        using var db = Context(provider);
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void The_migrations_script_makes_the_tables_indexes_and_history_Migrate_makes()
    {
        var directory = Path.Combine(Path.GetTempPath(), "fakeentra-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var migrated = $"Data Source={Path.Combine(directory, "migrated.db")};Pooling=false";
        var scripted = $"Data Source={Path.Combine(directory, "scripted.db")};Pooling=false";
        try
        {
            using (var db = new StateDb(new DbContextOptionsBuilder<StateDb>().UseSqlite(migrated).Options)) db.Database.Migrate();
            using (var connection = new SqliteConnection(scripted))
            {
                connection.Open();
                Assert.True(MigrationScript.CreateSchema(connection, HistoryExists));
                Assert.False(MigrationScript.CreateSchema(connection, HistoryExists)); // a second start finds the history
            }
            Assert.Equal(Schema(migrated), Schema(scripted));
            Assert.Contains("table SignIns", Schema(scripted));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private const string HistoryExists = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";

    // The statements SQLite keeps for each table and index, and the history rows. Migrate() also leaves its lock table behind,
    // which it makes when it needs it.
    private static string Schema(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master WHERE name NOT IN ('__EFMigrationsLock', 'sqlite_sequence')
            UNION ALL SELECT 'history ' || "MigrationId" || ' ' || "ProductVersion" FROM "__EFMigrationsHistory"
            ORDER BY 1
            """;
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read()) lines.Add(reader.GetString(0));
        return string.Join('\n', lines);
    }

    private static StateDb Context(string provider) => provider == "sqlite"
        ? new StateDbDesignTimeFactory().CreateDbContext([])
        : new PostgresStateDbDesignTimeFactory().CreateDbContext([]);

    // What the database and the update pipeline see: tables, columns, keys, indexes, concurrency tokens and generated values.
    private static string Describe(IModel model) => string.Join('\n',
        model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal).SelectMany(table => (string[])
        [
            $"table {table.Name} key ({Columns(table.PrimaryKey!.Columns)})",
            .. table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => $"  {c.Name} {c.StoreType} {(c.IsNullable ? "null" : "not null")}"),
            .. table.Indexes.OrderBy(i => i.Name, StringComparer.Ordinal).Select(i => $"  index {i.Name} ({Columns(i.Columns)}){(i.IsUnique ? " unique" : "")}"),
            .. table.EntityTypeMappings.SelectMany(m => m.TypeBase.GetProperties()).OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => $"  property {p.Name} {p.ClrType.Name} {p.ValueGenerated}{(p.IsConcurrencyToken ? " concurrency" : "")}"),
        ]));

    private static string Columns(IEnumerable<IColumn> columns) => string.Join(", ", columns.Select(c => c.Name));
}
