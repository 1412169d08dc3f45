namespace FakeEntra.Server.Hosting;

/// <summary>
/// The headers every HTML page gets (sign-in pages, start page, inspector, error pages, and whatever is added later): a
/// Content-Security-Policy without inline script or style, no framing by anyone (clickjacking of the sign-in pages), no
/// sniffing, no referrer and no caching. JSON and redirects are left alone. A page that needs more (the logout page frames
/// the apps' front-channel logout URLs) says so with <see cref="AllowFrames"/>.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts and styles only from FakeEntra's own files; forms may go anywhere (a sign-in ends in a redirect or a
    /// form_post to the app, which Chromium checks against <c>form-action</c>).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-src 'none'; frame-ancestors 'none'";

    private static readonly object FrameSourcesKey = new();

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var response = context.Response;
            if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) != true) return Task.CompletedTask;
            var frames = context.Items[FrameSourcesKey] as IReadOnlyCollection<string>;
            response.Headers.ContentSecurityPolicy = frames is { Count: > 0 }
                ? ContentSecurityPolicy.Replace("frame-src 'none'", "frame-src " + string.Join(' ', frames), StringComparison.Ordinal)
                : ContentSecurityPolicy;
            response.Headers.XFrameOptions = "DENY";
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers["Referrer-Policy"] = "no-referrer";
            response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>Lets this response's page frame these origins (<c>frame-src</c>); nobody may frame the page itself.</summary>
    public static void AllowFrames(HttpContext context, IEnumerable<string> origins) =>
        context.Items[FrameSourcesKey] = origins.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
