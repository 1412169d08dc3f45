using FakeEntra.Core.Scenarios;
using FakeEntra.Server.AdminConsole;
using FakeEntra.Server.Certificates;
using FakeEntra.Server.CrossTenant;
using FakeEntra.Server.SignInLogs;
using FakeEntra.Server.World;
using FakeEntra.Server.Errors;
using FakeEntra.Server.Graph;
using FakeEntra.Server.Inspector;
using FakeEntra.Server.Lockout;
using FakeEntra.Server.Metadata;
using FakeEntra.Server.SignInPages;
using FakeEntra.Server.StartPage;
using FakeEntra.Server.Signing;
using FakeEntra.Server.Storage;
using FakeEntra.Server.Token;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace FakeEntra.Server.Hosting;

/// <summary>Builds and runs the server; tests build it the same way, on their own port and data directory.</summary>
public static class FakeEntraHost
{
    public const string DefaultUrl = "https://localhost:5443";

    /// <summary>Runs until stopped; a broken scenario prints where and why, and exits with code 2.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        WebApplication app;
        try
        {
            app = Build(args);
        }
        catch (ScenarioException e)
        {
            await Console.Error.WriteLineAsync($"FakeEntra cannot start: {e.Message}");
            return 2;
        }
        await app.StartAsync();
        Console.WriteLine(StartupSummary.Render(app.Services));
        await app.WaitForShutdownAsync();
        return 0;
    }

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Configuration is read once, at start: no file watcher, which otherwise wakes on every write to a data directory kept
        // under the content root (`--data-dir ./fe-data`), sign-in log rows included.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. CommandLine.Normalize(args), "--hostBuilder:reloadConfigOnChange=false"] });
        builder.Configuration.AddCommandLine(CommandLine.Normalize(args), CommandLine.SwitchMappings);
        builder.Configuration.AddEnvironmentVariables("FAKEENTRA_");
        ConsoleLogging.ApplyDefaults(builder.Configuration, builder.Configuration.GetValue<bool>(ConsoleLogging.VerboseKey));
        ConsoleLogging.Batch(builder.Logging);
        configure?.Invoke(builder);

        var options = builder.Configuration.GetSection(FakeEntraOptions.Section).Get<FakeEntraOptions>() ?? new FakeEntraOptions();
        options.DataDirectory = Path.GetFullPath(options.DataDirectory);
        builder.Services.Configure<FakeEntraOptions>(o =>
        {
            builder.Configuration.GetSection(FakeEntraOptions.Section).Bind(o);
            o.DataDirectory = options.DataDirectory;
        });

        SecureDataDirectory(options.DataDirectory);
        // The state (schema, world, signing key) comes up on other threads while this one puts the web host together.
        var state = StartupState.StartAsync(options);

        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
            builder.WebHost.UseUrls(DefaultUrl);
        var certificate = HttpsCertificate.Resolve(options, Console.Out);
        SystemTrustWarmUp.Start(certificate);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate);
            // Room above the parameter limit, so that an over-long query gets Entra's AADSTS90015 rather than a bare 414.
            kestrel.Limits.MaxRequestLineSize = 2 * Parameters.MaxQueryLength;
        });

        builder.Services.AddHostedService<WalCheckpointer>();
        builder.Services.AddSingleton<PublicOrigin>();
        builder.Services.AddDataProtection().SetApplicationName("FakeEntra");
        builder.Services.AddTokenEndpoint();
        builder.Services.AddSignIn();
        builder.Services.AddFormProtection();
        builder.Services.AddSingleton<DevCredentials>();
        builder.Services.AddSingleton<SignInLogStore>();
        builder.Services.AddSingleton<SignInLogWriter>();
        builder.Services.AddSingleton<SignInConsole>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SignInLogWriter>());
        builder.Services.AddSingleton<CrossTenantGate>();
        builder.Services.AddSingleton<PrivacyConsents>();
        builder.Services.AddSingleton<SmartLockout>();
        builder.Services.AddSingleton<DirectoryWriter>();
        builder.Services.AddGraph();
        builder.Services.AddAdminConsole();

        var (store, world, signingKeys) = state.GetAwaiter().GetResult();
        // From a factory, so the container disposes it with the host (closing its writes' connection).
        builder.Services.AddSingleton(_ => store);
        builder.Services.AddSingleton(world);
        builder.Services.AddSingleton(signingKeys);
        builder.Services.Configure<KeyManagementOptions>(o => o.XmlRepository = new StateKeyRepository(store));
        if (store.Shared) builder.Services.AddHostedService<DirectoryFollower>();

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseRequestIds();
        app.UseAadErrors();
        app.MapMetadata();
        app.MapTokenEndpoint();
        app.MapEmbeddedAsset(Html.StylesheetPath, "FakeEntra.Server.fakeentra.css", "text/css; charset=utf-8");
        app.MapEmbeddedAsset(Html.FormPostScriptPath, "FakeEntra.Server.form-post.js", "text/javascript; charset=utf-8");
        app.MapSignIn();
        app.MapDeviceCode();
        app.MapLogout();
        app.MapUserInfo();
        app.MapStartPage();
        app.MapInspector();
        app.MapGraph();
        app.MapAdminConsole();
        return app;
    }

    /// <summary>
    /// The data directory holds the signing, refresh-token and CA keys, so only its owner may enter it. One owned by someone
    /// else (a shared mount) cannot be changed; the files with secrets in it are still restricted one by one.
    /// </summary>
    private static void SecureDataDirectory(string path)
    {
        try
        {
            OwnerOnly.CreateDirectory(path);
        }
        catch (UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"FakeEntra: warning: the data directory {path} belongs to another user and stays readable to others; its files with secrets are restricted to their owner.");
        }
    }
}
