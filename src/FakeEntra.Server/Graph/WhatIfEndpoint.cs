namespace FakeEntra.Server.Graph;

/// <summary><c>POST /fakeentra/whatIf</c> (a FakeEntra extension), over <see cref="WhatIf"/>.</summary>
public static class WhatIfEndpoint
{
    public static IEndpointRouteBuilder MapWhatIf(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/fakeentra");
        group.AddEndpointFilter(GraphEndpoints.Errors);
        group.MapPost("/whatIf", async (HttpContext http, GraphContext g, WhatIf whatIf) =>
        {
            var caller = g.Caller(http);
            return GraphJson.Ok(whatIf.Decide(caller, await GraphRequestBody.ReadObjectAsync(http.Request)), "fakeEntra.whatIfResult");
        });
        return app;
    }
}
