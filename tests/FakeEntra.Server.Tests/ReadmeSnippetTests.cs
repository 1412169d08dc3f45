using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FakeEntra.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.Identity.Client;

namespace FakeEntra.Server.Tests;

/// <summary>
/// Every ```csharp block of README.md runs against a fresh server on the default world, so the documentation cannot drift
/// from the product. Blocks run with Roslyn scripting, with the usings in <see cref="Imports"/>. A fragment — it continues
/// the text around it (<c>builder</c>, <c>pca</c>, "the browser signs in") — runs inside its <see cref="Surroundings"/>: code
/// before and after it, and the world the text names ("your web app", "a middle-tier API"). Before running, the test changes
/// only what points a snippet at this server instead of a FakeEntra on port 5443 with its CA trusted system-wide: see
/// <see cref="Substitutions"/>.
/// </summary>
public sealed partial class ReadmeSnippetTests
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
        // "Your web app" of the README is the one the surroundings add.
        ("{web app id}", ReadmeSurroundings.WebApp),
        ("{secret}", ReadmeSurroundings.WebAppSecret),
    ];

    private static readonly string S = typeof(ReadmeSurroundings).FullName + ".";
    private const string IdentityWebApi = ".AddMicrosoftIdentityWebApi(builder.Configuration.GetSection(\"AzureAd\"));";
    private const string IdentityWebTrust = "o.BackchannelHttpHandler = handler";

    /// <summary>What each fragment (found by a line of it) continues, and what proves it did its job.</summary>
    private static readonly Surrounding[] Surroundings =
    [
        new(".AddOpenIdConnect(", $"var builder = {S}WebAppBuilder();", $"await {S}SignInThroughTheAppAsync(builder);", ReadmeSurroundings.AddWebApp),
        new("cca.GetAuthorizationRequestUrl(scopes)",
            $"var cca = {S}WebAppClient(); string[] scopes = [\"{World.SharedChannelsScope}\"];",
            $"{S}AssertAlicesToken(result, \"{World.SharedChannelsApi}\");", ReadmeSurroundings.AddWebApp,
            Insert: ("// … the browser signs in", $"var code = await {S}BrowserSignInAsync(url);")),
        new("pca.AcquireTokenWithDeviceCode(", $"var pca = {S}PublicClient(); var person = {S}PersonAtTheDevicePage();",
            $"await person.DoneAsync(); {S}AssertAlicesToken(result, \"{World.SharedChannelsApi}\");"),
        new("middleTier.AcquireTokenOnBehalfOf(", $"var middleTier = {S}MiddleTier(); var incomingToken = await {S}IncomingTokenAsync();",
            $"{S}AssertAlicesToken(result, \"{World.SharedChannelsApi}\");", MiddleTierWorld.AddPortal),
        // The two Microsoft.Identity.Web blocks are one program: the API, then trusting the CA in code.
        new(IdentityWebApi, $"var builder = {S}WebApiBuilder(@\"{{AzureAd}}\"); var handler = {S}TrustingHandler();",
            $"{{Block:{IdentityWebTrust}}}\nawait {S}CallTheWebApiAsync(builder);"),
        new(IdentityWebTrust, $"var builder = {S}WebApiBuilder(@\"{{AzureAd}}\"); var handler = {S}TrustingHandler();\n{{Block:{IdentityWebApi}}}",
            $"await {S}CallTheWebApiAsync(builder);"),
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
    public async Task A_readme_snippet_runs_on_a_fresh_default_world(ReadmeSnippets.Snippet snippet)
    {
        var surrounding = Surroundings.SingleOrDefault(s => snippet.Code.Contains(s.Marker, StringComparison.Ordinal));
        var program = surrounding?.Wrap(snippet.Code) ?? snippet.Code;
        var errors = Errors(CSharpScript.Create(program, Options.Value));
        Assert.True(errors is [], $"{snippet} does not compile{(surrounding is null ? " (a fragment needs its surroundings declared in this test)" : "")}:\n{string.Join('\n', errors)}\n{program}");

        await using var server = new FakeEntraServer { Scenario = surrounding?.World is { } world ? DefaultWorldWith.Write(world) : null };
        await server.InitializeAsync();
        SnippetTrust.Server = server;
        var code = Substitutions.Aggregate(program, (text, s) => text.Replace(s.Readme, s.Test.Replace("{origin}", server.Origin, StringComparison.Ordinal), StringComparison.Ordinal));
        try
        {
            await CSharpScript.RunAsync(code, Options.Value);
        }
        catch (Exception e)
        {
            Assert.Fail($"{snippet} failed on a fresh default world: {e.GetType().Name}: {e.Message}\n{code}");
        }
    }

    [Fact]
    public void Every_declared_surrounding_still_finds_its_fragment() =>
        Assert.All(Surroundings, s => Assert.Single(ReadmeSnippets.All(), snippet => snippet.Code.Contains(s.Marker, StringComparison.Ordinal)));

    private static ImmutableArray<Diagnostic> Errors(Script script) => [.. script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error)];

    /// <summary>
    /// Code before and after a fragment (<c>{AzureAd}</c> is the README's AzureAd JSON, <c>{Block:marker}</c> another README
    /// block), the world it needs beyond the default one, and a line to insert after one of the fragment's comments.
    /// </summary>
    private sealed record Surrounding(string Marker, string Before, string After, Action<JsonObject>? World = null, (string After, string Line)? Insert = null)
    {
        public string Wrap(string fragment)
        {
            if (Insert is var (comment, line))
            {
                var at = fragment.IndexOf(comment, StringComparison.Ordinal);
                Assert.True(at >= 0, $"The fragment no longer has the comment \"{comment}\".");
                var endOfLine = fragment.IndexOf('\n', at);
                fragment = fragment[..(endOfLine + 1)] + line + "\n" + fragment[(endOfLine + 1)..];
            }
            return Expand(Before) + "\n" + fragment + "\n" + Expand(After);
        }

        private static string Expand(string code) => BlockReference().Replace(
            code.Replace("{AzureAd}", ReadmeSnippets.Json("AzureAd").Replace("\"", "\"\"", StringComparison.Ordinal), StringComparison.Ordinal),
            m => ReadmeSnippets.All().Single(s => s.Code.Contains(m.Groups[1].Value, StringComparison.Ordinal)).Code);
    }

    [GeneratedRegex(@"\{Block:(.+?)\}(?=\n|$)")]
    private static partial Regex BlockReference();
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
