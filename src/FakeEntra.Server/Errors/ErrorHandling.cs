using FakeEntra.Core.Errors;
using Microsoft.AspNetCore.Diagnostics;

namespace FakeEntra.Server.Errors;

/// <summary>Turns refusals into Entra-shaped errors; anything unforeseen becomes a server_error without internals.</summary>
public static class ErrorHandling
{
    public static IApplicationBuilder UseAadErrors(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context =>
            {
                var failure = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("FakeEntra.Errors");
                logger.LogError(failure, "Unhandled error on {Path}", context.Request.Path);
                // The Graph-shaped API answers in Graph's error shape, the identity endpoints in Entra's.
                if (context.Request.Path.StartsWithSegments("/v1.0") || context.Request.Path.StartsWithSegments("/fakeentra"))
                    return Graph.GraphEndpoints.WriteErrorAsync(context, new Graph.GraphException(500, "generalException", "An unexpected error occurred in FakeEntra. See the server log."));
                return AadErrorResponse.WriteAsync(context, AadErrors.Unexpected());
            },
        });
        return app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (AadException e) when (!context.Response.HasStarted)
            {
                await AadErrorResponse.WriteAsync(context, e.Error);
            }
        });
    }
}
