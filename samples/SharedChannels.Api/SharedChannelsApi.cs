using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SharedChannels.Api.AccessReview;
using SharedChannels.Api.Audit;
using SharedChannels.Api.Callers;
using SharedChannels.Api.Channels;
using SharedChannels.Api.Data;
using SharedChannels.Api.Directory;
using SharedChannels.Api.Hosting;
using SharedChannels.Api.Teams;

namespace SharedChannels.Api;

/// <summary>
/// Contoso's Shared Channels API: teams, standard and shared channels, messages and files; shared channels open to B2B direct
/// connect users of partner organizations, who call with a one-hour token Contoso issued for them.
/// </summary>
public static class SharedChannelsApi
{
    /// <param name="configure">Runs after the API's own registrations (a test points the API at its servers here).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddSharedChannelsAuthentication();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemHandler>();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(ResourceTenant.From(builder.Configuration));
        builder.Services.AddDbContext<SharedChannelsDb>(o => o.UseSqlite(Database.ConnectionString(builder.Configuration)));

        builder.Services.Configure<DirectoryOptions>(builder.Configuration.GetSection("Directory"));
        builder.Services.AddHttpClient(ContosoDirectory.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => IdentityProviderTrust.CreateHandler(builder.Configuration));
        builder.Services.AddSingleton<GraphToken>();
        builder.Services.AddSingleton<ContosoDirectory>();
        builder.Services.AddScoped<CallerResolver>();
        builder.Services.AddScoped<MemberLookup>();
        builder.Services.AddScoped<ChannelAccess>();
        builder.Services.AddScoped<TeamAccess>();
        builder.Services.AddScoped<ChannelMembership>();
        builder.Services.AddScoped<AuditLog>();
        configure?.Invoke(builder);

        var app = builder.Build();
        Database.Migrate(app.Services);
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusProblems.WriteAsync);
        app.UseAuthentication();
        app.UseAuthorization();

        var api = app.MapGroup("").RequireAuthorization(BearerAuthentication.Policy);
        var teams = api.MapGroup("/teams");
        teams.MapTeams();
        teams.MapAccessReview();
        var channels = api.MapGroup("/channels");
        channels.MapChannels();
        channels.MapChannelMembers();
        channels.MapMessages();
        channels.MapFiles();
        api.MapAuditEvents();
        return app;
    }
}
