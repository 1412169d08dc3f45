using FakeEntra.Core.Errors;
using FakeEntra.Core.Tokens;

namespace FakeEntra.Core.Tests;

public class ScopeRequestTests
{
    [Theory]
    [InlineData("openid profile offline_access", null, "")]
    [InlineData("User.Read openid", "https://graph.microsoft.com", "User.Read")]
    [InlineData("https://graph.microsoft.com/.default", "https://graph.microsoft.com", ".default")]
    [InlineData("api://fcac/Channels.ReadWrite api://fcac/Other offline_access", "api://fcac", "Channels.ReadWrite Other")]
    [InlineData("fcac6b54-23d1-4161-ab28-3ab64be2a67d/.default", "fcac6b54-23d1-4161-ab28-3ab64be2a67d", ".default")]
    public void Splits_oidc_scopes_from_one_resource(string scope, string? resource, string values)
    {
        var request = ScopeRequest.Parse(scope);
        Assert.Equal(resource, request.Resource);
        Assert.Equal(values, string.Join(' ', request.ResourceScopes));
    }

    [Theory]
    [InlineData("api://a/x api://b/y", 28000)]
    [InlineData("api://a/.default api://a/x", 70011)]
    [InlineData("api://a/", 70011)]
    public void Refuses_what_entra_refuses(string scope, int code) =>
        Assert.Equal(code, Assert.Throws<AadException>(() => ScopeRequest.Parse(scope)).Error.Code);

    [Fact]
    public void Qualifies_granted_scopes_with_the_resource_as_requested()
    {
        Assert.Equal("api://fcac/Channels.ReadWrite", ScopeRequest.Parse("api://fcac/Channels.ReadWrite").Qualify("Channels.ReadWrite"));
        Assert.Equal("User.Read", ScopeRequest.Parse("https://graph.microsoft.com/User.Read").Qualify("User.Read"));
    }
}
