using System.Collections.Immutable;
using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.Identity.Client;

namespace FakeEntra.Server.Tests;

/// <summary>
/// Every ```csharp block of README.md compiles, and every self-contained one (it needs no variable from its surroundings) runs
/// against a fresh server on the default world, so the documentation cannot drift from the product. Blocks are compiled with
/// Roslyn scripting, with the usings in <see cref="Imports"/>; a fragment that continues another (it uses <c>pca</c>,
/// <c>builder</c>, …) is compiled with those as <see cref="FragmentGlobals"/>. Before running, the test changes only what
/// points a snippet at this server instead of a FakeEntra on port 5443 with its CA trusted system-wide: see
/// <see cref="Substitutions"/>.
/// </summary>
public sealed class ReadmeSnippetTests
{
    /// <summary>README text → what runs here: the server's origin, and the CA trusted in code where a client takes an HTTP handler.</summary>
    private static readonly (string Readme, string Test)[] Substitutions =
    [
        ("https://localhost:5443", "{origin}"),
        (".WithInstanceDiscovery(false)", $".WithInstanceDiscovery(false).WithHttpClientFactory({typeof(SnippetTrust).FullName}.{nameof(SnippetTrust.Msal)})"),
        ("GraphClientFactory.Create()", $"GraphClientFactory.Create(finalHandler: {typeof(SnippetTrust).FullName}.{nameof(SnippetTrust.Handler)}())"),
        ("DisableInstanceDiscovery = true,", $"DisableInstanceDiscovery = true, Transport = new Azure.Core.Pipeline.HttpClientTransport({typeof(SnippetTrust).FullName}.{nameof(SnippetTrust.Handler)}()),"),
        ("new GraphServiceClient(\n    new AzureIdentityAuthenticationProvider(",
            $"new GraphServiceClient(GraphClientFactory.Create(finalHandler: {typeof(SnippetTrust).FullName}.{nameof(SnippetTrust.Handler)}()),\n    new AzureIdentityAuthenticationProvider("),
        // The test server listens on 127.0.0.1, not localhost.
        ("allowedHosts: [\"localhost\"]", "allowedHosts: [\"127.0.0.1\"]"),
    ];

    /// <summary>The usings a snippet may assume; a namespace whose package the tests do not reference is left out.</summary>
    private static readonly (string Namespace, string Probe)[] Imports =
    [
        ("System", "System.Object"),
        ("System.Collections.Generic", "System.Collections.Generic.List`1"),
        ("System.Linq", "System.Linq.Enumerable, System.Linq"),
        ("System.Net.Http", "System.Net.Http.HttpClient, System.Net.Http"),
        ("System.Threading", "System.Threading.CancellationToken"),
        ("System.Threading.Tasks", "System.Threading.Tasks.Task"),
        ("Microsoft.Identity.Client", "Microsoft.Identity.Client.PublicClientApplicationBuilder, Microsoft.Identity.Client"),
        ("OtpNet", "OtpNet.Totp, Otp.NET"),
        ("Microsoft.Graph", "Microsoft.Graph.GraphServiceClient, Microsoft.Graph"),
        ("Microsoft.Graph.Models", "Microsoft.Graph.Models.User, Microsoft.Graph"),
        ("Microsoft.Kiota.Abstractions.Authentication", "Microsoft.Kiota.Abstractions.Authentication.IAccessTokenProvider, Microsoft.Kiota.Abstractions"),
        ("Azure.Core", "Azure.Core.TokenCredential, Azure.Core"),
        ("Azure.Identity", "Azure.Identity.ClientSecretCredential, Azure.Identity"),
        ("Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Builder.WebApplication, Microsoft.AspNetCore"),
        ("Microsoft.AspNetCore.Authentication.JwtBearer", "Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerDefaults, Microsoft.AspNetCore.Authentication.JwtBearer"),
        ("Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.DependencyInjection.IServiceCollection, Microsoft.Extensions.DependencyInjection.Abstractions"),
        ("Microsoft.Identity.Web", "Microsoft.Identity.Web.MicrosoftIdentityWebApiAuthenticationBuilderExtensions, Microsoft.Identity.Web"),
        ("FakeEntra.Testing", "FakeEntra.Testing.FakeEntraServer, FakeEntra.Testing"),
        ("FakeEntra.Testing.World", "FakeEntra.Testing.World.DefaultWorld, FakeEntra.Testing"),
        ("FakeEntra.Testing.Tokens", "FakeEntra.Testing.Tokens.TokenForUser, FakeEntra.Testing"),
    ];

    private static readonly Lazy<ScriptOptions> Options = new(() => ScriptOptions.Default
        .WithReferences(((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p)))
        .WithImports(Imports.Where(i => Type.GetType(i.Probe) is not null).Select(i => i.Namespace))
        .WithLanguageVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest));

    public static TheoryData<ReadmeSnippets.Snippet> Snippets => [.. ReadmeSnippets.All()];

    [Fact]
    public void The_readme_has_csharp_snippets() => Assert.True(ReadmeSnippets.All().Count >= 10, ReadmeSnippets.ReadmePath);

    [Theory]
    [MemberData(nameof(Snippets))]
    public async Task A_readme_snippet_compiles_and_a_self_contained_one_runs_on_a_fresh_default_world(ReadmeSnippets.Snippet snippet)
    {
        if (Errors(CSharpScript.Create(snippet.Code, Options.Value)) is not [])
        {
            var errors = Errors(CSharpScript.Create(snippet.Code, Options.Value, typeof(FragmentGlobals)));
            Assert.True(errors is [], $"{snippet} does not compile:\n{string.Join('\n', errors)}\n{snippet.Code}");
            return;
        }

        await using var server = new FakeEntraServer();
        await server.InitializeAsync();
        SnippetTrust.Server = server;
        var code = Substitutions.Aggregate(snippet.Code, (text, s) => text.Replace(s.Readme, s.Test.Replace("{origin}", server.Origin, StringComparison.Ordinal), StringComparison.Ordinal));
        try
        {
            await CSharpScript.RunAsync(code, Options.Value);
        }
        catch (Exception e)
        {
            Assert.Fail($"{snippet} failed on a fresh default world: {e.GetType().Name}: {e.Message}\n{code}");
        }
    }

    private static ImmutableArray<Diagnostic> Errors(Script script) => [.. script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error)];
}

/// <summary>What README fragments use from the text around them; only compiled against, never run.</summary>
public sealed class FragmentGlobals
{
    public WebApplicationBuilder builder = null!;
    public IPublicClientApplication pca = null!;
    public IConfidentialClientApplication cca = null!;
    public IConfidentialClientApplication middleTier = null!;
    public string[] scopes = [];
    public string code = "";
    public string incomingToken = "";
    public HttpMessageHandler handler = null!;
}

/// <summary>The server a running snippet talks to, for the substituted trust of its clients (per test, through the async flow).</summary>
public static class SnippetTrust
{
    private static readonly AsyncLocal<FakeEntraServer?> Current = new();

    public static FakeEntraServer Server
    {
        get => Current.Value ?? throw new InvalidOperationException("No snippet is running.");
        set => Current.Value = value;
    }

    public static IMsalHttpClientFactory Msal => Server.MsalHttp();

    public static HttpMessageHandler Handler() => TrustedHttp.Handler(Server.Authority);
}
