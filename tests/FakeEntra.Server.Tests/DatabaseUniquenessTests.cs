using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace FakeEntra.Server.Tests;

/// <summary>
/// The uniqueness Graph promises is the database's, not only the code's: a second row for a taken principal name (in any case),
/// a second setting for one partner, a second row for one object id or a member twice in a group is refused by the state file.
/// </summary>
public sealed class DatabaseUniquenessTests(FakeEntraServer server) : IClassFixture<FakeEntraServer>
{
    private const string Marketing = "4b482ed1-2c44-46a5-a281-3faa7928b39f";

    [Theory]
    [InlineData("user", "{new}", "ALICE@CONTOSO.COM")]
    [InlineData("crossTenantAccessPolicyPartner", World.Fabrikam, null)]
    [InlineData("user", World.Alice, null)]
    public async Task A_second_row_for_a_unique_key_is_refused(string kind, string key, string? uniqueName)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(server.DataDirectory, "fakeentra.db")};Pooling=false");
        await connection.OpenAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO DirectoryObjects (TenantId, Kind, Key, UniqueName, Json, Version) VALUES ($tenant, $kind, $key, $unique, '{}', 1)";
        insert.Parameters.AddWithValue("$tenant", await TenantIdAsStored(connection));
        insert.Parameters.AddWithValue("$kind", kind);
        insert.Parameters.AddWithValue("$key", key == "{new}" ? Guid.NewGuid().ToString("D") : key);
        insert.Parameters.AddWithValue("$unique", (object?)uniqueName ?? DBNull.Value);
        var refused = await Assert.ThrowsAsync<SqliteException>(() => insert.ExecuteNonQueryAsync());
        Assert.Equal(2067, refused.SqliteExtendedErrorCode); // SQLITE_CONSTRAINT_UNIQUE
    }

    [Fact]
    public async Task A_member_twice_in_one_group_is_refused()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(server.DataDirectory, "fakeentra.db")};Pooling=false");
        await connection.OpenAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO GroupMembers (TenantId, GroupId, MemberId) SELECT TenantId, GroupId, MemberId FROM GroupMembers WHERE upper(GroupId) = upper($group) LIMIT 1";
        insert.Parameters.AddWithValue("$group", Marketing);
        var refused = await Assert.ThrowsAsync<SqliteException>(() => insert.ExecuteNonQueryAsync());
        Assert.Equal(2067, refused.SqliteExtendedErrorCode);
    }

    // The tenant id as EF Core stored it (its own text form of a Guid).
    private static async Task<string> TenantIdAsStored(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT TenantId FROM DirectoryObjects WHERE Kind = 'user' AND UniqueName = 'ALICE@CONTOSO.COM'";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
