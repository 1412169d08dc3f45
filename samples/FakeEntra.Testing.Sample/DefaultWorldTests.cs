using FakeEntra.Testing.Tokens;
using FakeEntra.Testing.World;
using FakeEntra.Testing.Xunit;

namespace FakeEntra.Testing.Sample;

/// <summary>The built-in world as it ships, one server for the class.</summary>
public sealed class DefaultWorldTests(FakeEntraFixture fixture) : IClassFixture<FakeEntraFixture>
{
    [Fact]
    public async Task Direct_connect_needs_the_privacy_statement_accepted_first()
    {
        var refused = await Assert.ThrowsAsync<TokenRefusedException>(() => fixture.Idp.IssueTokenAsync(new TokenForUser
        {
            User = "bob@fabrikam.com",
            Client = DefaultWorld.Client,
            Tenant = DefaultWorld.Contoso,
            Scope = DefaultWorld.SharedChannelsScope,
            Mfa = true,
        }));
        Assert.Equal(65001, refused.Code);
    }

    [Fact]
    public async Task A_guest_token_names_the_guest_object()
    {
        var token = await fixture.Idp.IssueTokenAsync(new TokenForUser
        {
            User = "grace@northwind.com",
            Client = DefaultWorld.Client,
            Tenant = DefaultWorld.Contoso,
            Scope = DefaultWorld.SharedChannelsScope,
            Mfa = true,
        });
        var jwt = token.Read();
        Assert.Equal(DefaultWorld.Contoso, jwt.GetClaim("tid").Value);
        Assert.Equal($"https://sts.windows.net/{DefaultWorld.Northwind}/", jwt.GetClaim("idp").Value);
        Assert.NotEqual(DefaultWorld.Alice, jwt.GetClaim("oid").Value);
        var row = (await fixture.Idp.SignInsAsync(DefaultWorld.Contoso)).First(s => s.UserPrincipalName == "grace@northwind.com");
        Assert.Equal("b2bCollaboration", row.CrossTenantAccessType);
    }
}
