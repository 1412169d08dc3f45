using FakeEntra.Server.Hosting;

namespace FakeEntra.Server.Graph;

/// <summary>The Graph-shaped admin API under <c>/v1.0</c>; the tenant is the caller's token's <c>tid</c>.</summary>
public static class GraphEndpoints
{
    public static IServiceCollection AddGraph(this IServiceCollection services)
    {
        services.AddSingleton<DirectoryAuditStore>();
        services.AddSingleton<GraphContext>();
        services.AddSingleton<CrossTenantAccessSettings>();
        services.AddSingleton<ConditionalAccessPolicies>();
        services.AddSingleton<UserManagement>();
        services.AddSingleton<GroupManagement>();
        services.AddSingleton<DirectoryReads>();
        services.AddSingleton<AuditLogs>();
        services.AddSingleton<WhatIf>();
        return services;
    }

    public static IEndpointRouteBuilder MapGraph(this IEndpointRouteBuilder app)
    {
        var graph = app.MapGroup("/v1.0");
        graph.AddEndpointFilter(Errors);
        graph.MapCrossTenantAccessPolicy();
        graph.MapAuditLogs();
        graph.MapOrganization();
        graph.MapConditionalAccess();
        graph.MapInvitations();
        graph.MapUsersAndGroups();
        graph.MapDirectoryReads();
        app.MapWhatIf();
        app.MapExternalUserLookup();
        return app;
    }

    /// <summary>Renders a <see cref="GraphException"/> in Graph's error shape.</summary>
    public static async ValueTask<object?> Errors(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (GraphException e)
        {
            return Error(context.HttpContext, e);
        }
    }

    public static Task WriteErrorAsync(HttpContext http, GraphException e) => Error(http, e).ExecuteAsync(http);

    /// <summary>Graph's error body: <c>{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}</c>.</summary>
    private static IResult Error(HttpContext http, GraphException e)
    {
        var ids = RequestIds.Of(http);
        if (e.Status == StatusCodes.Status401Unauthorized) http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return Results.Json(new
        {
            error = new
            {
                code = e.Code,
                message = e.Message,
                innerError = new Dictionary<string, string>
                {
                    ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                    ["request-id"] = ids.TraceId.ToString("D"),
                    ["client-request-id"] = ids.CorrelationId.ToString("D"),
                },
            },
        }, statusCode: e.Status);
    }
}
