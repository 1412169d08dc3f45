using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FakeEntra.Server.Storage;

/// <summary>
/// Plain SQL on a connection to the state's database, inside <paramref name="Transaction"/> if there is one. The reads at start
/// use it on a connection of their own (<see cref="StateStore.Sql{T}"/>): EF Core's first use (its service provider, the model,
/// the query compiler, nearly all of it compiled just in time) would otherwise stand between process start and the first token.
/// </summary>
public readonly record struct StateSql(DbConnection Connection, DbTransaction? Transaction)
{
    /// <summary>The connection of an EF Core context (opened if it is not), in the context's transaction.</summary>
    public static StateSql Of(StateDb db)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) db.Database.OpenConnection();
        return new(connection, db.Database.CurrentTransaction?.GetDbTransaction());
    }

    public List<T> Read<T>(string sql, Func<DbDataReader, T> map, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(map(reader));
        return rows;
    }

    public int Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>A command on the connection, in the transaction, with its parameters bound (the caller disposes it).</summary>
    public DbCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
