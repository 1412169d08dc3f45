using System.Security.Authentication;
using System.Text.Json;
using Microsoft.Identity.Client;
using SharedChannels.Client.Cli;
using SharedChannels.Client.Commands;
using SharedChannels.Client.Http;
using SharedChannels.Client.SignIn;

namespace SharedChannels.Client;

/// <summary>
/// Parses the command line, runs the command, and turns every failure into a sentence: the AADSTS code and reason of a
/// refusal, the API's problem details, an unreachable server. Never a stack trace; exit 0 done, 1 failed, 2 bad usage.
/// </summary>
public static class ClientProgram
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter status)
    {
        try
        {
            var call = Invocation.Parse(args);
            if (call.Command is null)
            {
                await output.WriteAsync(HelpText.Build());
                return 0;
            }
            var settings = Settings.From(call);
            using var http = new HttpClient(LocalCaTrust.Handler(LocalCaTrust.Load(settings.CaPath, settings.CaGiven)));
            var session = new Session(settings, new Authenticator(settings, http, status), http, output, status);
            await CommandHandlers.RunAsync(session, call.Command, call.Arguments);
            return 0;
        }
        catch (UsageException e)
        {
            await status.WriteLineAsync($"SharedChannels.Client: {e.Message}. See --help.");
            return 2;
        }
        catch (Exception e) when (Describe(e) is { } message)
        {
            await status.WriteLineAsync(message);
            return 1;
        }
    }

    private static string? Describe(Exception e) => e switch
    {
        ClientFailure => e.Message,
        MsalServiceException service => $"Refused: {Refusal.From(service)}",
        MsalException msal when msal.InnerException is HttpRequestException http => Describe(http),
        MsalException msal => $"Sign-in failed: {Refusal.From(msal)}",
        HttpRequestException { InnerException: AuthenticationException tls } =>
            $"Cannot connect securely: {tls.Message} The server's certificate is not trusted: give --ca with the CA that issued it (FakeEntra prints its CA's path when it starts).",
        HttpRequestException => $"Cannot reach the server: {e.Message}",
        TaskCanceledException => "A server did not answer in time.",
        JsonException => $"An answer was not the JSON expected: {e.Message}",
        IOException or UnauthorizedAccessException => $"Cannot use a local file (the token cache, the CA): {e.Message}",
        _ => null,
    };
}
