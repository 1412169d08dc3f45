using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace SharedChannels.Api.Hosting;

/// <summary>Turns refusals and unreadable requests into problem details; anything else stays a logged 500 (a bug).</summary>
public sealed class ProblemHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            ProblemException p => (p.Status, p.Title, p.Message),
            BadHttpRequestException b => (b.StatusCode, "Bad request", b.Message),
            _ => (0, "", ""),
        };
        if (status == 0) return false;
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
