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

    // SQLite: the single-row INSERT of each row type, prepared once on the writes' connection, which stays open (StateStore), with
    // its parameters: each batch then binds values only, where a new command parsed the statement and made its parameters again.
    private static readonly ConditionalWeakTable<DbConnection, Dictionary<Type, DbCommand>> Prepared = [];

    public static async Task InsertAsync<TRow>(StateDb db, IReadOnlyList<TRow> rows, CancellationToken cancellationToken = default)
        where TRow : class
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(TRow)) ?? throw new InvalidOperationException($"{typeof(TRow).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never)
            .Select(p => (Name: p.GetColumnName(table)!, Mapping: p.GetRelationalTypeMapping(), Getter: p.GetGetter())).ToArray();
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES ";

        if (db.Database.IsSqlite())
        {
            var statements = Prepared.GetOrCreateValue(connection);
            if (!statements.TryGetValue(typeof(TRow), out var insert))
            {
                insert = connection.CreateCommand();
                insert.CommandText = Statement(head, 1, columns.Length, sql);
                for (var c = 0; c < columns.Length; c++)
                    insert.Parameters.Add(columns[c].Mapping.CreateParameter(insert, sql.GenerateParameterName(Name(0, c, columns.Length)), null));
                statements[typeof(TRow)] = insert;
            }
            insert.Transaction = transaction;
            foreach (var row in rows)
            {
                for (var c = 0; c < columns.Length; c++)
                {
                    var (_, mapping, getter) = columns[c];
                    var value = getter.GetClrValueUsingContainingEntity(row);
                    insert.Parameters[c].Value = (value is null ? null : mapping.Converter?.ConvertToProvider(value) ?? value) ?? DBNull.Value;
                }
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            return;
        }

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
