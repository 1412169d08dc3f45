using Microsoft.EntityFrameworkCore;

namespace SharedChannels.Api.Data;

/// <summary>Where the state lives, and bringing its schema up to date at start (created on first start).</summary>
public static class Database
{
    /// <summary><c>ConnectionStrings:SharedChannels</c>, else a SQLite file in the user's data folder.</summary>
    public static string ConnectionString(IConfiguration configuration)
    {
        if (configuration.GetConnectionString("SharedChannels") is { Length: > 0 } configured) return configured;
        var folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "SharedChannels.Api");
        System.IO.Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "shared-channels.db")}";
    }

    public static void Migrate(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<SharedChannelsDb>().Database.Migrate();
    }
}
