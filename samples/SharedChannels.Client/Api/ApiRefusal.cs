using System.Net.Http.Json;
using System.Text.Json;

namespace SharedChannels.Client.Api;

/// <summary>A refusal by the API, worded from its problem details (RFC 7807) or, for a 401, its <c>WWW-Authenticate</c> header.</summary>
public static class ApiRefusal
{
    public static async Task<ClientFailure> FromAsync(HttpResponseMessage response)
    {
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        var said = new List<string>();
        if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
        {
            try
            {
                if (await response.Content.ReadFromJsonAsync<ProblemDetails>() is { } problem)
                    said.AddRange(new[] { problem.Title, problem.Detail }.OfType<string>().Where(s => s.Length > 0));
            }
            catch (JsonException)
            {
                said.Add("(a body that is not problem details)");
            }
        }
        foreach (var challenge in response.Headers.WwwAuthenticate) said.Add($"WWW-Authenticate: {challenge}");
        return new ClientFailure($"The API refused ({status}){(said.Count > 0 ? ": " + string.Join(" — ", said) : ".")}");
    }
}
