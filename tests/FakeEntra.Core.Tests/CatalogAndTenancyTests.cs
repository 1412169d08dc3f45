using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Errors;
using FakeEntra.Core.Scenarios;
using FakeEntra.Core.Security;
using FakeEntra.Core.Tenancy;

namespace FakeEntra.Core.Tests;

public class CatalogAndTenancyTests
{
    private static readonly DirectorySnapshot World =
        new(ScenarioPreparer.Prepare(ScenarioLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "scenarios", "default.json"))));

    [Fact]
    public void Every_code_appears_once_in_the_catalog() =>
        Assert.Equal(AadErrors.All.Count, AadErrors.All.Select(e => e.Code).Distinct().Count());

    [Theory]
    [InlineData("6a89cd33-4bf7-4174-9b3b-8ed777182b4e", "Contoso")]
    [InlineData("contoso.com", "Contoso")]
    [InlineData("FABRIKAM.onmicrosoft.com", "Fabrikam")]
    [InlineData("common", null)]
    [InlineData("Organizations", null)]
    public void Resolves_guids_domains_and_aliases(string segment, string? tenant) =>
        Assert.Equal(tenant, TenantPathResolver.Resolve(segment, World).Tenant?.DisplayName);

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000001", 90002)]
    [InlineData("unknown.example.com", 90002)]
    [InlineData("consumers", 900023)]
    [InlineData("undefined", 900023)]
    [InlineData("{tenantid}", 900023)]
    public void Refuses_unknown_and_malformed_tenants(string segment, int code) =>
        Assert.Equal(code, Assert.Throws<AadException>(() => TenantPathResolver.Resolve(segment, World)).Error.Code);

    [Fact]
    public void Hashes_verify_only_the_original()
    {
        var password = PasswordHasher.Hash("Passw0rd!");
        Assert.True(PasswordHasher.Verify("Passw0rd!", password));
        Assert.False(PasswordHasher.Verify("passw0rd!", password));
        Assert.False(PasswordHasher.Verify("Passw0rd!", "garbage$1$x$y"));
        var secret = SecretHasher.Hash("s3cret");
        Assert.True(SecretHasher.Verify("s3cret", secret));
        Assert.False(SecretHasher.Verify("s3cret!", secret));
    }
}
