using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace FakeEntra.Server.Storage;

/// <summary>
/// Appends rows of one entity type with INSERT statements inside the caller's transaction, through EF Core's own
/// table, column names and type mappings, so each value is stored exactly as <c>SaveChanges</c> would store it (SQLite's
/// upper-case GUID text, PostgreSQL's uuid). It skips the change tracker, which cost a sign-in row about 150 µs of CPU
/// (bench/, password grant profile) against a few µs here. Database-generated columns (the sequence) are left to the database.
/// </summary>
public static class RowInserter
{
    // PostgreSQL: 100 rows per statement, one round trip, well below its 65,535 parameters. SQLite binds each parameter by name
    // through a linear list, so a statement of many rows costs time quadratic in its parameters (strncmp was 3 % of a cross-tenant
    // grant's CPU), and each new statement text is parsed again: there one single-row statement, parsed once, runs per row.
    private const int RowsPerStatement = 100;

    // SQLite: each row type's single-row INSERT, prepared once on the writes' connection (which stays open, StateStore) with its
    // parameters and the columns they bind: a batch binds values only, where a new command parsed the statement, made its
    // parameters and looked up the columns again.
    private sealed record PreparedInsert(DbCommand Command, Column[] Columns);

    private readonly record struct Column(string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter);

    private static readonly ConditionalWeakTable<DbConnection, Dictionary<Type, PreparedInsert>> Prepared = [];

    public static async Task InsertAsync<TRow>(StateDb db, IReadOnlyList<TRow> rows, CancellationToken cancellationToken = default)
        where TRow : class
    {
        if (rows.Count == 0) return;
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (db.Database.IsSqlite())
        {
            var prepared = Prepared.GetOrCreateValue(connection);
            if (!prepared.TryGetValue(typeof(TRow), out var insert))
                prepared[typeof(TRow)] = insert = Prepare<TRow>(db, connection);
            insert.Command.Transaction = transaction;
            foreach (var row in rows)
            {
                for (var c = 0; c < insert.Columns.Length; c++)
                {
                    var (_, mapping, getter) = insert.Columns[c];
                    var value = getter.GetClrValueUsingContainingEntity(row);
                    // As the mapping's CreateParameter sets it: converted to the provider's type, DBNull for null.
                    insert.Command.Parameters[c].Value = (value is null ? null : mapping.Converter?.ConvertToProvider(value) ?? value) ?? DBNull.Value;
                }
                await insert.Command.ExecuteNonQueryAsync(cancellationToken);
            }
            return;
        }

        var (head, columns) = Insert<TRow>(db);
        var sql = db.GetService<ISqlGenerationHelper>();
        DbCommand? command = null;
        try
        {
            for (var start = 0; start < rows.Count; start += RowsPerStatement)
            {
                var count = Math.Min(RowsPerStatement, rows.Count - start);
                if (command is null || command.Parameters.Count != count * columns.Length)
                {
                    if (command is not null) await command.DisposeAsync();
                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = Statement(head, count, columns.Length, sql);
                }
                command.Parameters.Clear();
                for (var r = 0; r < count; r++)
                    for (var c = 0; c < columns.Length; c++)
                    {
                        var (_, mapping, getter) = columns[c];
                        command.Parameters.Add(mapping.CreateParameter(command, sql.GenerateParameterName(Name(r, c, columns.Length)), getter.GetClrValueUsingContainingEntity(rows[start + r])));
                    }
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            if (command is not null) await command.DisposeAsync();
        }
    }

    private static PreparedInsert Prepare<TRow>(StateDb db, DbConnection connection)
    {
        var (head, columns) = Insert<TRow>(db);
        var sql = db.GetService<ISqlGenerationHelper>();
        var command = connection.CreateCommand();
        command.CommandText = Statement(head, 1, columns.Length, sql);
        for (var c = 0; c < columns.Length; c++)
            command.Parameters.Add(columns[c].Mapping.CreateParameter(command, sql.GenerateParameterName(Name(0, c, columns.Length)), null));
        return new PreparedInsert(command, columns);
    }

    // The statement's head (table and columns) and the columns a row binds, from EF Core's model.
    private static (string Head, Column[] Columns) Insert<TRow>(StateDb db)
    {
        var entity = db.Model.FindEntityType(typeof(TRow)) ?? throw new InvalidOperationException($"{typeof(TRow).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never)
            .Select(p => new Column(p.GetColumnName(table)!, p.GetRelationalTypeMapping(), p.GetGetter())).ToArray();
        var sql = db.GetService<ISqlGenerationHelper>();
        return ($"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES ", columns);
    }

    private static string Statement(string head, int rows, int columns, ISqlGenerationHelper sql)
    {
        var text = new StringBuilder(head);
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns; c++) text.Append(c > 0 ? ", " : "").Append(sql.GenerateParameterNamePlaceholder(Name(r, c, columns)));
            text.Append(')');
        }
        return text.ToString();
    }

    private static string Name(int row, int column, int columns) => $"p{(row * columns) + column}";
}
