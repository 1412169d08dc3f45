namespace FakeEntra.Server.Hosting;

/// <summary>Entra's request identifiers: a trace id per request (<c>x-ms-request-id</c>) and the client's correlation id.</summary>
public sealed record RequestIds(Guid TraceId, Guid CorrelationId)
{
    public static RequestIds Of(HttpContext context)
    {
        if (context.Items[typeof(RequestIds)] is RequestIds ids) return ids;
        var correlation = Guid.TryParse(context.Request.Headers["client-request-id"], out var sent) ? sent : Guid.NewGuid();
        ids = new RequestIds(Guid.NewGuid(), correlation);
        context.Items[typeof(RequestIds)] = ids;
        return ids;
    }
}

public static class RequestIdsMiddleware
{
    /// <summary>Stamps every response with <c>x-ms-request-id</c>, as Entra does.</summary>
    public static IApplicationBuilder UseRequestIds(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var ids = RequestIds.Of(context);
        context.Response.Headers["x-ms-request-id"] = ids.TraceId.ToString("D");
        if (context.Request.Headers.ContainsKey("client-request-id"))
            context.Response.Headers["client-request-id"] = ids.CorrelationId.ToString("D");
        return next(context);
    });
}
