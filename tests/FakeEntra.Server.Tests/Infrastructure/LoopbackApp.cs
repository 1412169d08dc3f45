using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FakeEntra.Server.Tests.Infrastructure;

/// <summary>
/// The app behind a redirect URI: a real listener on loopback that records what the browser brought back, by query
/// (GET) or form_post (POST). The default world's client registers http://localhost, which matches any port, as in Entra.
/// </summary>
public sealed class LoopbackApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private TaskCompletionSource<IReadOnlyDictionary<string, string>> _response = New();

    private LoopbackApp(WebApplication app) => _app = app;

    public const string Heading = "Signed in (test app)";

    public string RedirectUri { get; private set; } = "";

    /// <summary>The URL the browser landed on (the query carries a query-mode response).</summary>
    public string? Landed { get; private set; }

    /// <summary>The authorization response's parameters, once the browser brings them.</summary>
    public Task<IReadOnlyDictionary<string, string>> Response => _response.Task;

    public static async Task<LoopbackApp> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = new LoopbackApp(builder.Build());
        app._app.MapMethods("/", ["GET", "POST"], async (HttpContext context) =>
        {
            app.Landed = context.Request.GetEncodedUrl();
            IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values =
                context.Request.HasFormContentType ? await context.Request.ReadFormAsync() : context.Request.Query;
            app._response.TrySetResult(values.ToDictionary(v => v.Key, v => v.Value.ToString()));
            return Results.Content($"<!doctype html><html lang=\"en\"><title>Test app</title><h1>{Heading}</h1></html>", "text/html");
        });
        await app._app.StartAsync();
        var port = new Uri(app._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        app.RedirectUri = $"http://localhost:{port}/";
        return app;
    }

    /// <summary>Forgets the last response, for a second sign-in.</summary>
    public void Reset()
    {
        Landed = null;
        _response = New();
    }

    private static TaskCompletionSource<IReadOnlyDictionary<string, string>> New() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
