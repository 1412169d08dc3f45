using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace FakeEntra.Server.Storage;

/// <summary>
/// Appends rows of one entity type with multi-row INSERT statements inside the caller's transaction, through EF Core's own
/// table, column names and type mappings, so each value is stored exactly as <c>SaveChanges</c> would store it (SQLite's
/// upper-case GUID text, PostgreSQL's uuid). It skips the change tracker, which cost a sign-in row about 150 µs of CPU
/// (bench/, password grant profile) against a few µs here. Database-generated columns (the sequence) are left to the database.
/// </summary>
public static class RowInserter
{
    // SQLite allows 32,766 parameters in a statement, PostgreSQL 65,535; 100 rows of a dozen columns stays well below both.
    private const int RowsPerStatement = 100;

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

        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, rows.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(head);
            for (var r = 0; r < count; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Length; c++)
                {
                    var name = $"p{(r * columns.Length) + c}";
                    if (c > 0) text.Append(", ");
                    text.Append(sql.GenerateParameterNamePlaceholder(name));
                    var (_, mapping, getter) = columns[c];
                    command.Parameters.Add(mapping.CreateParameter(command, sql.GenerateParameterName(name), getter.GetClrValueUsingContainingEntity(rows[start + r])));
                }
                text.Append(')');
            }
            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
