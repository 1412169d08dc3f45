using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Identity.Client;

namespace FakeEntra.Server.Tests;

#pragma warning disable CS0618 // AcquireTokenByUsernamePassword

/// <summary>Users and groups through the Graph SDK, with OData query options; changes take effect at the next sign-in.</summary>
public class GraphUserTests(FakeEntraServer server) : IClassFixture<FakeEntraServer>
{
    private const string Marketing = "4b482ed1-2c44-46a5-a281-3faa7928b39f";

    private Task<string> FabrikamAdmin() => GraphClients.AdminAppToken(server, World.Fabrikam, "0f3b8c42-6a1e-4d8e-9b5a-1c2d3e4f5a02", "FakeEntra~Admin~Fabrikam");

    private Task<AuthenticationResult> SignIn(string upn, string password) =>
        PublicClientApplicationBuilder.Create(World.Client).WithAuthority($"{server.Origin}/{World.Fabrikam}", validateAuthority: false)
            .WithInstanceDiscovery(false).WithHttpClientFactory(server.MsalHttp()).Build()
            .AcquireTokenByUsernamePassword(["User.Read"], upn, password).ExecuteAsync();

    [Fact]
    public async Task Users_list_with_filter_select_count_and_paging()
    {
        var graph = GraphClients.For(server, await FabrikamAdmin());
        var bob = await graph.Users.GetAsync(r =>
        {
            r.QueryParameters.Filter = "startswith(displayName,'Bob') and userType eq 'Member'";
            r.QueryParameters.Select = ["displayName", "userPrincipalName"];
            r.QueryParameters.Count = true;
            r.Headers.Add("ConsistencyLevel", "eventual");
        });
        Assert.Equal(1, bob!.OdataCount);
        Assert.Equal(("bob@fabrikam.com", World.Bob), (bob.Value!.Single().UserPrincipalName, bob.Value!.Single().Id));
        Assert.Null(bob.Value!.Single().Mail); // not selected

        var page = await graph.Users.GetAsync(r => { r.QueryParameters.Top = 1; r.QueryParameters.Orderby = ["userPrincipalName"]; });
        Assert.Equal("admin@fabrikam.com", page!.Value!.Single().UserPrincipalName);
        var next = await graph.Users.WithUrl(page.OdataNextLink!).GetAsync();
        Assert.Equal("bob@fabrikam.com", next!.Value!.Single().UserPrincipalName);

        var noHeader = await Assert.ThrowsAsync<ODataError>(() => graph.Users.GetAsync(r => r.QueryParameters.Count = true));
        Assert.Equal(400, noHeader.ResponseStatusCode);
        var unsupported = await Assert.ThrowsAsync<ODataError>(() => graph.Users.GetAsync(r => r.QueryParameters.Filter = "endswith(mail,'@fabrikam.com')"));
        Assert.Equal(400, unsupported.ResponseStatusCode);
    }

    [Fact]
    public async Task A_user_created_with_a_password_signs_in_joins_a_group_and_is_deleted()
    {
        var graph = GraphClients.For(server, await FabrikamAdmin());
        var created = await graph.Users.PostAsync(new User
        {
            AccountEnabled = true,
            DisplayName = "Frank Fischer",
            MailNickname = "frank",
            UserPrincipalName = "frank@fabrikam.com",
            PasswordProfile = new PasswordProfile { Password = "Frank~Pass1", ForceChangePasswordNextSignIn = false },
        });
        Assert.NotNull(await SignIn("frank@fabrikam.com", "Frank~Pass1"));

        await graph.Users[created!.Id].PatchAsync(new User { DisplayName = "Frank F." });
        Assert.Equal("Frank F.", (await graph.Users[created.Id].GetAsync())!.DisplayName);

        await graph.Groups[Marketing].Members.Ref.PostAsync(new ReferenceCreate { OdataId = $"https://graph.microsoft.com/v1.0/directoryObjects/{created.Id}" });
        var members = await graph.Groups[Marketing].Members.GetAsync();
        Assert.Contains(members!.Value!, m => m.Id == created.Id);
        await graph.Groups[Marketing].Members[created.Id].Ref.DeleteAsync();
        Assert.DoesNotContain((await graph.Groups[Marketing].Members.GetAsync())!.Value!, m => m.Id == created.Id);

        await graph.Users[created.Id].DeleteAsync();
        Assert.Contains("AADSTS50034", (await Assert.ThrowsAnyAsync<MsalServiceException>(() => SignIn("frank@fabrikam.com", "Frank~Pass1"))).Message);
        var activities = (await graph.AuditLogs.DirectoryAudits.GetAsync())!.Value!.Select(a => a.ActivityDisplayName).ToList();
        Assert.Contains("Add user", activities);
        Assert.Contains("Add member to group", activities);
        Assert.Contains("Delete user", activities);
    }

    [Fact]
    public async Task Groups_are_created_listed_and_deleted()
    {
        var graph = GraphClients.For(server, await FabrikamAdmin());
        var group = await graph.Groups.PostAsync(new Group { DisplayName = "Sales", MailEnabled = false, MailNickname = "sales", SecurityEnabled = true });
        var found = await graph.Groups.GetAsync(r => r.QueryParameters.Filter = "displayName eq 'Sales'");
        Assert.Equal(group!.Id, found!.Value!.Single().Id);
        await graph.Groups[group.Id].PatchAsync(new Group { Description = "Sales team" });
        Assert.Equal("Sales team", (await graph.Groups[group.Id].GetAsync())!.Description);
        await graph.Groups[group.Id].DeleteAsync();
        Assert.Equal(404, (await Assert.ThrowsAsync<ODataError>(() => graph.Groups[group.Id].GetAsync())).ResponseStatusCode);
    }

    [Fact]
    public async Task A_user_of_another_tenant_is_not_found_here_and_passwords_never_leave()
    {
        var graph = GraphClients.For(server, await FabrikamAdmin());
        Assert.Equal(404, (await Assert.ThrowsAsync<ODataError>(() => graph.Users[World.Alice].GetAsync())).ResponseStatusCode);
        using var http = server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", await FabrikamAdmin());
        var json = await http.GetStringAsync("/v1.0/users");
        Assert.DoesNotContain("pbkdf2", json);
        Assert.DoesNotContain("secretKey", json);
    }
}
