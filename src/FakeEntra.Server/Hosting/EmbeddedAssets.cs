namespace FakeEntra.Server.Hosting;

/// <summary>
/// The pages' script and style files, embedded in the assembly (so the .NET tool needs no web root) and served from
/// FakeEntra's own origin, which is all the Content-Security-Policy allows.
/// </summary>
public static class EmbeddedAssets
{
    public static IEndpointRouteBuilder MapEmbeddedAsset(this IEndpointRouteBuilder app, string path, string resourceName, string contentType)
    {
        var content = EmbeddedResource.ReadText(resourceName);
        app.MapGet(path, (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "no-cache";
            return Results.Text(content, contentType);
        });
        return app;
    }
}
