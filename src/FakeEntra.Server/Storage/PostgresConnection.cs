using Npgsql;

namespace FakeEntra.Server.Storage;

/// <summary>The <c>--database</c> value: a <c>postgres://user:password@host:port/database</c> URL, or an Npgsql connection string.</summary>
public static class PostgresConnection
{
    public static string From(string database)
    {
        if (!database.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !database.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return new NpgsqlConnectionStringBuilder(database).ConnectionString;
        var url = new Uri(database);
        var credentials = url.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = url.Host,
            Port = url.IsDefaultPort || url.Port < 0 ? 5432 : url.Port,
            Database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/')),
            Username = Uri.UnescapeDataString(credentials[0]),
        };
        if (credentials.Length > 1) builder.Password = Uri.UnescapeDataString(credentials[1]);
        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            if (pair.Split('=', 2) is [var key, var value]) builder[Uri.UnescapeDataString(key)] = Uri.UnescapeDataString(value);
        return builder.ConnectionString;
    }
}
