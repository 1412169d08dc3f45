using FakeEntra.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FakeEntra.Server.Tests;

/// <summary>
/// The state's EF Core model exists three times: as <see cref="StateDb"/>'s OnModelCreating says, as the compiled model the server
/// runs on (Storage/CompiledModels, so that no start builds it), and as the migrations' snapshot. The three must agree for each
/// provider: a change to OnModelCreating needs <c>dotnet ef dbcontext optimize</c> and <c>dotnet ef migrations add</c> again.
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
