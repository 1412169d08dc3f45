using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace SharedChannels.Api.Directory;

/// <summary>
/// App-only Graph tokens for the directory calls (client credentials at the resource tenant), cached by MSAL until
/// shortly before they expire.
/// </summary>
public sealed class GraphToken(IOptions<DirectoryOptions> options, IConfiguration configuration, IHttpClientFactory http)
{
    private readonly Lazy<IConfidentialClientApplication> _app = new(() => ConfidentialClientApplicationBuilder.Create(options.Value.ClientId)
        .WithClientSecret(options.Value.ClientSecret)
        .WithAuthority($"{configuration["AzureAd:Instance"]?.TrimEnd('/')}/{configuration["AzureAd:TenantId"]}", validateAuthority: false)
        // The authority is the configured instance; there is nothing to discover (and a development one is unknown to Entra).
        .WithInstanceDiscovery(false)
        .WithHttpClientFactory(new MsalHttp(http))
        .Build());

    public async Task<string> AcquireAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await _app.Value.AcquireTokenForClient([options.Value.GraphScope]).ExecuteAsync(cancellationToken);
            return result.AccessToken;
        }
        catch (MsalException e)
        {
            throw DirectoryUnavailable.Because($"no directory token ({e.ErrorCode})");
        }
        catch (HttpRequestException e)
        {
            throw DirectoryUnavailable.Because($"no directory token ({e.Message})");
        }
    }

    private sealed class MsalHttp(IHttpClientFactory http) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => http.CreateClient(Hosting.IdentityProviderTrust.HttpClientName);
    }
}
