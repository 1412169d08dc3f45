using Microsoft.Identity.Client;
using SharedChannels.Client.Api;
using SharedChannels.Client.Cli;
using SharedChannels.Client.SignIn;
using SharedChannels.Client.Tokens;

namespace SharedChannels.Client.Commands;

/// <summary>
/// One run's wiring: the sign-ins, the resource tenant's token (acquired once, printed with --show-token) and the API.
/// Results go to <see cref="Out"/>; how the token was obtained and why goes to the status writer (stderr).
/// </summary>
public sealed class Session(Settings settings, Authenticator authenticator, HttpClient http, TextWriter output, TextWriter status)
{
    private AuthenticationResult? _token;

    public Settings Settings => settings;

    public Authenticator Authenticator => authenticator;

    public TextWriter Out => output;

    public TextWriter Status => status;

    public SharedChannelsApi Api => new(http, settings.Api, async () => (await TokenAsync()).AccessToken);

    public async Task<AuthenticationResult> TokenAsync()
    {
        if (_token is not null) return _token;
        _token = await authenticator.ResourceTokenAsync();
        if (settings.ShowToken)
        {
            var resource = await authenticator.ResourceAsync();
            var context = new TokenContext(resource.Name, resource.Id, _token.Account.HomeAccountId.TenantId,
                _token.Account.HomeAccountId.ObjectId, _token.Account.Username, settings.ClientId, settings.Scope);
            await output.WriteAsync(TokenReport.Render(_token.AccessToken, context));
        }
        return _token;
    }
}
