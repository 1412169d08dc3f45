using Microsoft.EntityFrameworkCore;

namespace FakeEntra.Server.Storage;

/// <summary>The same model on PostgreSQL, with migrations of its own (<c>Storage/Migrations/Postgres</c>).</summary>
public sealed class PostgresStateDb(DbContextOptions<PostgresStateDb> options) : StateDb(options);
