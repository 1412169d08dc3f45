using static FakeEntra.Server.Graph.DirectoryObjectViews;

namespace FakeEntra.Server.Graph;

/// <summary>
/// <c>/v1.0/users</c> and <c>/v1.0/groups</c> (with <c>members</c>): list and get with OData options; create, update, delete —
/// over <see cref="UserManagement"/> and <see cref="GroupManagement"/>.
/// </summary>
public static class UserEndpoints
{
    private const string Json = "application/json; charset=utf-8";

    public static RouteGroupBuilder MapUsersAndGroups(this RouteGroupBuilder graph)
    {
        graph.MapGet("/users", (HttpContext http, GraphContext g, UserManagement users) =>
            ODataQuery.List(http, users.List(g.Caller(http)).Select(Of), "users"));

        graph.MapGet("/users/{id}", (string id, HttpContext http, GraphContext g, UserManagement users) =>
            Results.Text(ODataQuery.Select(Of(users.Get(g.Caller(http), id)),
                http.Request.Query["$select"].FirstOrDefault()?.Split(',', StringSplitOptions.TrimEntries)).ToJsonString(), Json));

        graph.MapPost("/users", async (HttpContext http, GraphContext g, UserManagement users) =>
        {
            var caller = g.Caller(http);
            var user = await users.CreateAsync(caller, await GraphRequestBody.ReadObjectAsync(http.Request));
            return Results.Text(GraphJson.WithContext(Of(user), "users/$entity").ToJsonString(), Json, statusCode: StatusCodes.Status201Created);
        });

        graph.MapMethods("/users/{id}", ["PATCH"], async (string id, HttpContext http, GraphContext g, UserManagement users) =>
        {
            var caller = g.Caller(http);
            await users.UpdateAsync(caller, id, await GraphRequestBody.ReadObjectAsync(http.Request), http.Request.Headers.IfMatch);
            return Results.NoContent();
        });

        graph.MapDelete("/users/{id}", async (string id, HttpContext http, GraphContext g, UserManagement users) =>
        {
            await users.DeleteAsync(g.Caller(http), id, http.Request.Headers.IfMatch);
            return Results.NoContent();
        });

        graph.MapGet("/groups", (HttpContext http, GraphContext g, GroupManagement groups) =>
            ODataQuery.List(http, groups.List(g.Caller(http)).Select(Of), "groups"));

        graph.MapGet("/groups/{id}", (string id, HttpContext http, GraphContext g, GroupManagement groups) =>
            Results.Text(Of(groups.Get(g.Caller(http), id)).ToJsonString(), Json));

        graph.MapPost("/groups", async (HttpContext http, GraphContext g, GroupManagement groups) =>
        {
            var caller = g.Caller(http);
            var group = await groups.CreateAsync(caller, await GraphRequestBody.ReadObjectAsync(http.Request));
            return Results.Text(GraphJson.WithContext(Of(group), "groups/$entity").ToJsonString(), Json, statusCode: StatusCodes.Status201Created);
        });

        graph.MapMethods("/groups/{id}", ["PATCH"], async (string id, HttpContext http, GraphContext g, GroupManagement groups) =>
        {
            var caller = g.Caller(http);
            await groups.UpdateAsync(caller, id, await GraphRequestBody.ReadObjectAsync(http.Request), http.Request.Headers.IfMatch);
            return Results.NoContent();
        });

        graph.MapDelete("/groups/{id}", async (string id, HttpContext http, GraphContext g, GroupManagement groups) =>
        {
            await groups.DeleteAsync(g.Caller(http), id, http.Request.Headers.IfMatch);
            return Results.NoContent();
        });

        graph.MapGet("/groups/{id}/members", (string id, HttpContext http, GraphContext g, GroupManagement groups) =>
            ODataQuery.List(http, groups.Members(g.Caller(http), id), "directoryObjects"));

        graph.MapPost("/groups/{id}/members/$ref", async (string id, HttpContext http, GraphContext g, GroupManagement groups) =>
        {
            var caller = g.Caller(http);
            await groups.AddMemberAsync(caller, id, await GraphRequestBody.ReadObjectAsync(http.Request));
            return Results.NoContent();
        });

        graph.MapDelete("/groups/{id}/members/{memberId}/$ref", async (string id, string memberId, HttpContext http, GraphContext g, GroupManagement groups) =>
        {
            await groups.RemoveMemberAsync(g.Caller(http), id, memberId);
            return Results.NoContent();
        });
        return graph;
    }
}
