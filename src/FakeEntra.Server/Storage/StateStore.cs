using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace FakeEntra.Server.Storage;

/// <summary>
/// FakeEntra's state, migrated to the current schema at start. By default the state file <c>fakeentra.db</c> in the data
/// directory (SQLite, write-ahead log), where a data directory of the one-row-per-tenant format is imported on the way
/// (<see cref="LegacyStateImport"/>); or a PostgreSQL database (<c>--database postgres://…</c>), which several FakeEntra
/// processes may share. Writes of this process queue here without holding a thread (<see cref="WriteAsync{T}"/>): SQLite lets
/// one writer in at a time, and a queue is cheaper than its busy handler; readers never wait.
/// </summary>
public sealed class StateStore : IDisposable
{
    private readonly Func<StateDb> _open;
    private readonly Func<DbConnection> _connect;
    private readonly SemaphoreSlim _writer = new(1, 1);
    // SQLite: the writes' own connection, opened at the first write and kept open (see OpenWriter); null for PostgreSQL.
    private readonly string? _sqliteWriter;
    private SqliteConnection? _writerConnection;
    private PooledDbContextFactory<StateDb>? _writerContexts;

    public StateStore(string dataDirectory, string? database = null)
    {
        if (database is not null)
        {
            var postgres = PostgresConnection.From(database);
            var options = new DbContextOptionsBuilder<PostgresStateDb>().UseNpgsql(postgres).ConfigureWarnings(SkipModelCheck).Options;
            var contexts = new PooledDbContextFactory<PostgresStateDb>(options);
            _open = contexts.CreateDbContext;
            _connect = () => new NpgsqlConnection(postgres);
            Shared = true;
            MigrateIfBehind(typeof(PostgresStateDb),
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '__EFMigrationsHistory'");
            Sql(EnsureDirectoryVersion);
            return;
        }
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, "fakeentra.db");
        // The state file holds the token-signing private key. SQLite gives its -wal, -shm and -journal files the database's
        // mode, so the database is created owner-only before SQLite opens it; files an older version left readable are restricted.
        OwnerOnly.Ensure(path);
        foreach (var companion in (string[])["-wal", "-shm", "-journal"]) OwnerOnly.Restrict(path + companion);
        var connection = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        // Contexts come from a pool: a new one resolved EF Core's services again, about 4 % of a password grant's CPU.
        var sqlite = new DbContextOptionsBuilder<StateDb>().UseSqlite(connection).AddInterceptors(new Pragmas()).ConfigureWarnings(SkipModelCheck).Options;
        var pool = new PooledDbContextFactory<StateDb>(sqlite);
        _open = pool.CreateDbContext;
        _connect = () => new SqliteConnection(connection);
        _sqliteWriter = connection;
        var legacy = Sql(sql =>
        {
            sql.Execute("PRAGMA journal_mode = WAL;");
            return LegacyStateImport.Needed(sql);
        });
        MigrateIfBehind(typeof(StateDb), "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'",
            (sql, historyExists) => MigrationScript.CreateSchema((SqliteConnection)sql.Connection, historyExists));
        if (legacy)
        {
            using var db = Open();
            LegacyStateImport.Run(db);
        }
        Sql(EnsureDirectoryVersion);
    }

    // Migrate() first compares the model OnModelCreating builds with the migrations' snapshot (0.4 s on a new data directory);
    // StateModelTests makes that comparison once, in the tests, instead of at every start.
    private static void SkipModelCheck(WarningsConfigurationBuilder warnings) => warnings.Ignore(RelationalEventId.PendingModelChangesWarning);

    /// <summary>Counts directory changes, so a process sharing the database sees that another one changed it (<see cref="Shared"/>).</summary>
    public const string DirectoryVersionSetting = "directoryVersion";

    // Migrate() builds EF Core's model and each migration's own, even when there is nothing to apply: a database whose history
    // already names every migration of this build is left as it is, and a new one is given to createSchema if there is one.
    private void MigrateIfBehind(Type context, string historyExists, Func<StateSql, string, bool>? createSchema = null)
    {
        var known = context.Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == context)
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id).OfType<string>();
        var current = Sql(sql => sql.Read(historyExists, r => r.GetInt64(0))[0] > 0
            ? sql.Read("""SELECT "MigrationId" FROM "__EFMigrationsHistory" """, r => r.GetString(0)).ToHashSet() is var applied && known.All(applied.Contains)
            : createSchema?.Invoke(sql, historyExists) == true);
        if (current) return;
        using var db = Open();
        db.Database.Migrate();
    }

    // Another process starting on the same database may add it at the same moment: the first one's row stays.
    private static void EnsureDirectoryVersion(StateSql sql) =>
        sql.Execute($"""INSERT INTO "Settings" ("Key", "Value") VALUES ('{DirectoryVersionSetting}', '0') ON CONFLICT DO NOTHING""");

    /// <summary>Counts one directory change inside the write's transaction; returns the count it makes.</summary>
    public static async Task<long> CountDirectoryChangeAsync(StateDb db)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"""UPDATE "Settings" SET "Value" = CAST(CAST("Value" AS BIGINT) + 1 AS TEXT) WHERE "Key" = '{DirectoryVersionSetting}' RETURNING "Value" """;
        return long.Parse((string)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException("The directory version is not stored.")),
            System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>How many directory changes the database holds.</summary>
    public static long DirectoryVersion(StateSql sql) =>
        long.Parse(sql.Read($"""SELECT "Value" FROM "Settings" WHERE "Key" = '{DirectoryVersionSetting}'""", r => r.GetString(0)).First(),
            System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A database other FakeEntra processes may write too (PostgreSQL): the directory snapshot follows their changes.</summary>
    public bool Shared { get; }

    /// <summary>A context for reading (or for a write already inside <see cref="WriteAsync{T}"/>).</summary>
    public StateDb Open() => _open();

    /// <summary>Plain SQL on a connection of its own, outside any write (the reads at start; see <see cref="StateSql"/>).</summary>
    public T Sql<T>(Func<StateSql, T> work)
    {
        using var connection = _connect();
        connection.Open();
        return work(new StateSql(connection, null));
    }

    public void Sql(Action<StateSql> work) => Sql(sql =>
    {
        work(sql);
        return true;
    });

    /// <summary>A read outside any write (it sees the last commit, never waits for a writer).</summary>
    public async Task<T> ReadAsync<T>(Func<StateDb, Task<T>> read)
    {
        await using var db = Open();
        return await read(db);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction and commits it; <paramref name="committed"/> runs after the commit, still
    /// before the next write starts (so in-memory state follows the database in commit order).
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<StateDb, Task<T>> work, Action<T>? committed = null, CancellationToken cancellationToken = default)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var db = OpenWriter();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await work(db);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            committed?.Invoke(result);
            return result;
        }
        finally
        {
            _writer.Release();
        }
    }

    public Task WriteAsync(Func<StateDb, Task> work, CancellationToken cancellationToken = default) =>
        WriteAsync(async db =>
        {
            await work(db);
            return true;
        }, null, cancellationToken);

    /// <summary>A write at start-up or from a synchronous API (Data Protection's key repository).</summary>
    public void Write(Action<StateDb> work) => WriteAsync(db =>
    {
        work(db);
        return Task.CompletedTask;
    }).GetAwaiter().GetResult();

    // SQLite lets one writer in at a time, and writes here take turns (_writer), so they share one connection, kept open: a
    // connection opened for each write had EF Core set it up again (its SQL functions), ran the pragmas and parsed every statement
    // anew, about a third of the cost of a batch of sign-in rows (perf, password grant). PostgreSQL's writes take pooled contexts.
    private StateDb OpenWriter()
    {
        if (_sqliteWriter is null) return Open();
        if (_writerContexts is null)
        {
            _writerConnection = new SqliteConnection(_sqliteWriter);
            _writerConnection.Open();
            Pragmas.Apply(_writerConnection);
            _writerContexts = new PooledDbContextFactory<StateDb>(new DbContextOptionsBuilder<StateDb>().UseSqlite(_writerConnection)
                .ConfigureWarnings(SkipModelCheck).Options);
        }
        return _writerContexts.CreateDbContext();
    }

    /// <summary>Closes the writes' connection (back to the pool, which <c>SqliteConnection.ClearAllPools</c> empties); a later write opens it again.</summary>
    public void Dispose()
    {
        _writer.Wait();
        try
        {
            _writerContexts = null;
            _writerConnection?.Dispose();
            _writerConnection = null;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// Appends one row in a write of its own, in an INSERT (<see cref="RowInserter"/>) rather than through the change tracker, whose
    /// first use compiles much of EF Core just in time: the keys a first start makes before its first token.
    /// </summary>
    public void Append<TRow>(TRow row) where TRow : class => WriteAsync(db => RowInserter.InsertAsync(db, [row])).GetAwaiter().GetResult();

    public string? Setting(string key) =>
        Sql(sql => sql.Read("""SELECT "Value" FROM "Settings" WHERE "Key" = @key""", r => r.GetString(0), ("@key", key)).FirstOrDefault());

    /// <summary>Stores a setting unless one is stored under its key already.</summary>
    public void AddSettingIfAbsent(string key, string value) =>
        Sql(sql => sql.Execute("""INSERT INTO "Settings" ("Key", "Value") VALUES (@key, @value) ON CONFLICT ("Key") DO NOTHING""", ("@key", key), ("@value", value)));

    /// <summary>Sets a setting inside the context's transaction, in plain SQL (seeding runs it on the way to a first start's first token).</summary>
    public static void SetSetting(StateDb db, string key, string value) =>
        StateSql.Of(db).Execute("""INSERT INTO "Settings" ("Key", "Value") VALUES (@key, @value) ON CONFLICT ("Key") DO UPDATE SET "Value" = excluded."Value" """,
            ("@key", key), ("@value", value));

    /// <summary>The database refused a row because a unique key already holds it (two writers created the same thing).</summary>
    public static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 }
            or Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };

    // Committed transactions survive the process being killed with the write-ahead log at NORMAL (only a power loss could take
    // the last ones), and NORMAL spares an fsync per commit. No commit checkpoints the log: WalCheckpointer does, in the background.
    private sealed class Pragmas : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        public static void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0;";
            command.ExecuteNonQuery();
        }
    }
}
