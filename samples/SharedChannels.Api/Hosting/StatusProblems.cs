using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace SharedChannels.Api.Hosting;

/// <summary>Bodiless answers of the framework (authorization's 403, an unknown route's 404, a wrong method) as problem details that say why.</summary>
public static class StatusProblems
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var detail = http.Response.StatusCode switch
        {
            StatusCodes.Status403Forbidden => $"The token grants nothing here: users need the scope {BearerAuthentication.UserScope}, apps the role {BearerAuthentication.AppRole}.",
            StatusCodes.Status404NotFound => $"This API has no route {http.Request.Path}.",
            StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not allowed on {http.Request.Path}.",
            _ => null,
        };
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = http.Response.StatusCode, Detail = detail },
        });
    }
}
