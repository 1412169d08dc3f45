using System.Text.Json;

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
            await settings.UpdatePolicyAsync(caller, await GraphRequestBody.ReadObjectAsync(http.Request), http.Request.Headers.IfMatch);
            return Results.NoContent();
        });

        graph.MapGet($"{Root}/default", (HttpContext http, GraphContext g, CrossTenantAccessSettings settings) =>
            GraphJson.Ok(settings.Default(g.Caller(http)), "policies/crossTenantAccessPolicy/default/$entity"));

        graph.MapMethods($"{Root}/default", ["PATCH"], async (HttpContext http, GraphContext g, CrossTenantAccessSettings settings) =>
        {
            var caller = g.Caller(http);
            await settings.UpdateDefaultAsync(caller, await GraphRequestBody.ReadObjectAsync(http.Request), http.Request.Headers.IfMatch);
            return Results.NoContent();
        });

        graph.MapPost($"{Root}/default/resetToSystemDefault", async (HttpContext http, GraphContext g, CrossTenantAccessSettings settings) =>
        {
            await settings.ResetDefaultAsync(g.Caller(http));
            return Results.NoContent();
        });

        graph.MapGet($"{Root}/partners", (HttpContext http, GraphContext g, CrossTenantAccessSettings settings) =>
            GraphJson.Ok(new { value = settings.Partners(g.Caller(http)) }, "policies/crossTenantAccessPolicy/partners"));

        graph.MapPost($"{Root}/partners", async (HttpContext http, GraphContext g, CrossTenantAccessSettings settings) =>
        {
            var caller = g.Caller(http);
            var partner = await settings.AddPartnerAsync(caller, await GraphRequestBody.ReadObjectAsync(http.Request));
            return GraphJson.Ok(partner, "policies/crossTenantAccessPolicy/partners/$entity", StatusCodes.Status201Created);
        });

        graph.MapGet($"{Root}/partners/{{tenantId}}", async (string tenantId, HttpContext http, GraphContext g, CrossTenantAccessSettings settings) =>
        {
            var stored = await settings.StoredPartnerAsync(g.Caller(http), tenantId);
            var body = GraphJson.WithContext(JsonSerializer.SerializeToNode(stored.Value, GraphJson.Output)!.AsObject(), "policies/crossTenantAccessPolicy/partners/$entity");
            body.Insert(1, "@odata.etag", stored.ETag);
            return Results.Json(body, GraphJson.Output, "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8");
        });

        graph.MapMethods($"{Root}/partners/{{tenantId}}", ["PATCH"], async (string tenantId, HttpContext http, GraphContext g, CrossTenantAccessSettings settings) =>
        {
            var caller = g.Caller(http);
            await settings.UpdatePartnerAsync(caller, tenantId, await GraphRequestBody.ReadObjectAsync(http.Request), http.Request.Headers.IfMatch);
            return Results.NoContent();
        });

        graph.MapDelete($"{Root}/partners/{{tenantId}}", async (string tenantId, HttpContext http, GraphContext g, CrossTenantAccessSettings settings) =>
        {
            await settings.DeletePartnerAsync(g.Caller(http), tenantId, http.Request.Headers.IfMatch);
            return Results.NoContent();
        });
        return graph;
    }
}
