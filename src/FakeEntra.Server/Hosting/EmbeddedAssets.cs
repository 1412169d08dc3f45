namespace FakeEntra.Server.Hosting;

/// <summary>
/// The pages' script and style files, embedded in the assembly (so the .NET tool needs no web root) and served from
/// FakeEntra's own origin, which is all the Content-Security-Policy allows.
/// </summary>
public static class EmbeddedAssets
{
    public static IEndpointRouteBuilder MapEmbeddedAsset(this IEndpointRouteBuilder app, string path, string resourceName, string contentType)
    {
        var content = Read(resourceName);
        app.MapGet(path, (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "no-cache";
            return Results.Text(content, contentType);
        });
        return app;
    }

    private static string Read(string resourceName)
    {
        using var stream = typeof(EmbeddedAssets).Assembly.GetManifestResourceStream(resourceName)
                           ?? throw new InvalidOperationException($"The embedded resource {resourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
