using System.Net.Http.Headers;
using System.Net.Http.Json;
using FakeEntra.Sample.Api;
using FakeEntra.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FakeEntra.Testing.Sample;

/// <summary>The API under test, configured for FakeEntra the way it would be for Entra, on a free loopback port.</summary>
public sealed class SampleApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private SampleApi(WebApplication app)
    {
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public static async Task<SampleApi> StartAsync(FakeEntraServer idp, string tenant, string clientId)
    {
        var app = ChannelsApi.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Configuration.AddInMemoryCollection(idp.AzureAdConfiguration(tenant, clientId));
            idp.TrustFromWebApi(builder.Services);
        });
        await app.StartAsync();
        return new SampleApi(app);
    }

    /// <summary>GET /channels with the token as bearer.</summary>
    public async Task<HttpResponseMessage> GetChannels(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/channels");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _http.SendAsync(request);
    }

    public async Task<Channels> ReadChannels(string token)
    {
        using var response = await GetChannels(token);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Channels>())!;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }
}
