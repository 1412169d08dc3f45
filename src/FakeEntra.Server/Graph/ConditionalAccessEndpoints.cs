namespace FakeEntra.Server.Graph;

/// <summary><c>/v1.0/identity/conditionalAccess/policies</c>, over <see cref="ConditionalAccessPolicies"/>.</summary>
public static class ConditionalAccessEndpoints
{
    private const string Root = "/identity/conditionalAccess/policies";

    public static RouteGroupBuilder MapConditionalAccess(this RouteGroupBuilder graph)
    {
        graph.MapGet(Root, (HttpContext http, GraphContext g, ConditionalAccessPolicies policies) =>
            GraphJson.Ok(new { value = policies.List(g.Caller(http)) }, "identity/conditionalAccess/policies"));

        graph.MapGet($"{Root}/{{id}}", (string id, HttpContext http, GraphContext g, ConditionalAccessPolicies policies) =>
            GraphJson.Ok(policies.Get(g.Caller(http), id), "identity/conditionalAccess/policies/$entity"));

        graph.MapPost(Root, async (HttpContext http, GraphContext g, ConditionalAccessPolicies policies) =>
        {
            var caller = g.Caller(http);
            var policy = await policies.CreateAsync(caller, await GraphRequestBody.ReadObjectAsync(http.Request));
            return GraphJson.Ok(policy, "identity/conditionalAccess/policies/$entity", StatusCodes.Status201Created);
        });

        graph.MapMethods($"{Root}/{{id}}", ["PATCH"], async (string id, HttpContext http, GraphContext g, ConditionalAccessPolicies policies) =>
        {
            var caller = g.Caller(http);
            await policies.UpdateAsync(caller, id, await GraphRequestBody.ReadObjectAsync(http.Request), http.Request.Headers.IfMatch);
            return Results.NoContent();
        });

        graph.MapDelete($"{Root}/{{id}}", async (string id, HttpContext http, GraphContext g, ConditionalAccessPolicies policies) =>
        {
            await policies.DeleteAsync(g.Caller(http), id, http.Request.Headers.IfMatch);
            return Results.NoContent();
        });
        return graph;
    }
}
