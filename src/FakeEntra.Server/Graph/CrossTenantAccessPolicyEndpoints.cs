namespace FakeEntra.Server.Graph;

/// <summary><c>/v1.0/policies/crossTenantAccessPolicy</c>: the policy, its default and its partners, over <see cref="CrossTenantAccessSettings"/>.</summary>
public static class CrossTenantAccessPolicyEndpoints
{
    private const string Root = "/policies/crossTenantAccessPolicy";

    public static RouteGroupBuilder MapCrossTenantAccessPolicy(this RouteGroupBuilder graph)
    {
        graph.MapGet(Root, (HttpContext http, GraphContext g, CrossTenantAccessSettings settings) =>
        {
            var policy = settings.Policy(g.Caller(http));
            return GraphJson.Ok(new { id = policy.Id.ToString("D"), policy.DisplayName, policy.AllowedCloudEndpoints }, "policies/crossTenantAccessPolicy/$entity");
        });

        graph.MapMethods(Root, ["PATCH"], async (HttpContext http, GraphContext g, CrossTenantAccessSettings settings) =>
        {
            var caller = g.Caller(http);
            settings.UpdatePolicy(caller, await GraphRequestBody.ReadObjectAsync(http.Request));
            return Results.NoContent();
        });

        graph.MapGet($"{Root}/default", (HttpContext http, GraphContext g, CrossTenantAccessSettings settings) =>
            GraphJson.Ok(settings.Default(g.Caller(http)), "policies/crossTenantAccessPolicy/default/$entity"));

        graph.MapMethods($"{Root}/default", ["PATCH"], async (HttpContext http, GraphContext g, CrossTenantAccessSettings settings) =>
        {
            var caller = g.Caller(http);
            settings.UpdateDefault(caller, await GraphRequestBody.ReadObjectAsync(http.Request));
            return Results.NoContent();
        });

        graph.MapPost($"{Root}/default/resetToSystemDefault", (HttpContext http, GraphContext g, CrossTenantAccessSettings settings) =>
        {
            settings.ResetDefault(g.Caller(http));
            return Results.NoContent();
        });

        graph.MapGet($"{Root}/partners", (HttpContext http, GraphContext g, CrossTenantAccessSettings settings) =>
            GraphJson.Ok(new { value = settings.Partners(g.Caller(http)) }, "policies/crossTenantAccessPolicy/partners"));

        graph.MapPost($"{Root}/partners", async (HttpContext http, GraphContext g, CrossTenantAccessSettings settings) =>
        {
            var caller = g.Caller(http);
            var partner = settings.AddPartner(caller, await GraphRequestBody.ReadObjectAsync(http.Request));
            return GraphJson.Ok(partner, "policies/crossTenantAccessPolicy/partners/$entity", StatusCodes.Status201Created);
        });

        graph.MapGet($"{Root}/partners/{{tenantId}}", (string tenantId, HttpContext http, GraphContext g, CrossTenantAccessSettings settings) =>
            GraphJson.Ok(settings.Partner(g.Caller(http), tenantId), "policies/crossTenantAccessPolicy/partners/$entity"));

        graph.MapMethods($"{Root}/partners/{{tenantId}}", ["PATCH"], async (string tenantId, HttpContext http, GraphContext g, CrossTenantAccessSettings settings) =>
        {
            var caller = g.Caller(http);
            settings.UpdatePartner(caller, tenantId, await GraphRequestBody.ReadObjectAsync(http.Request));
            return Results.NoContent();
        });

        graph.MapDelete($"{Root}/partners/{{tenantId}}", (string tenantId, HttpContext http, GraphContext g, CrossTenantAccessSettings settings) =>
        {
            settings.DeletePartner(g.Caller(http), tenantId);
            return Results.NoContent();
        });
        return graph;
    }
}
