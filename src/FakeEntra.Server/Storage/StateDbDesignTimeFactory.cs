using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FakeEntra.Server.Storage;

/// <summary>For <c>dotnet ef migrations add</c>: the model on SQLite, without starting the server.</summary>
public sealed class StateDbDesignTimeFactory : IDesignTimeDbContextFactory<StateDb>
{
    public StateDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<StateDb>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>For <c>dotnet ef migrations add --context PostgresStateDb</c>: the model on PostgreSQL (no connection is made).</summary>
public sealed class PostgresStateDbDesignTimeFactory : IDesignTimeDbContextFactory<PostgresStateDb>
{
    public PostgresStateDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PostgresStateDb>().UseNpgsql("Host=localhost").Options);
}
