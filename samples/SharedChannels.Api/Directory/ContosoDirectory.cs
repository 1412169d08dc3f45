using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SharedChannels.Api.Directory;

/// <summary>
/// The resource tenant's directory through Microsoft Graph: its own users (members and B2B collaboration guests) by address
/// or id, and people of other organizations through the external user lookup, which finds only users that B2B direct
/// connect admits both ways. A failed call is a <see cref="DirectoryUnavailable"/> refusal, never a guess.
/// </summary>
public sealed class ContosoDirectory(IHttpClientFactory http, GraphToken token, IOptions<DirectoryOptions> options)
{
    public const string HttpClientName = "Directory";

    /// <summary>A user of the resource tenant by sign-in name, else by mail (a guest's mail is their home address).</summary>
    public async Task<DirectoryUser?> FindUserByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        var quoted = Uri.EscapeDataString(email.Replace("'", "''", StringComparison.Ordinal));
        return await GetAsync<DirectoryUser>($"v1.0/users/{Uri.EscapeDataString(email)}", u => u.Id != Guid.Empty, cancellationToken)
            ?? (await GetAsync<UserPage>($"v1.0/users?$filter=mail eq '{quoted}'", p => p.Value is not null && p.Value.All(u => u.Id != Guid.Empty), cancellationToken))?.Value?.FirstOrDefault();
    }

    public Task<DirectoryUser?> FindUserByIdAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<DirectoryUser>($"v1.0/users/{id:D}", u => u.Id == id, cancellationToken);

    /// <summary>Another organization's user by full address: only mutually allowed users are found (else null).</summary>
    public Task<ExternalContact?> FindExternalUserAsync(string email, CancellationToken cancellationToken = default) =>
        GetAsync<ExternalContact>($"fakeentra/externalUsers?email={Uri.EscapeDataString(email)}", c => c.Id != Guid.Empty && c.TenantId != Guid.Empty, cancellationToken);

    /// <param name="complete">Whether the answer has what this API relies on (ids); otherwise it counts as malformed.</param>
    private async Task<T?> GetAsync<T>(string path, Func<T, bool> complete, CancellationToken cancellationToken) where T : class
    {
        var timeout = options.Value.Timeout;
        var bearer = await token.AcquireAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(options.Value.GraphBaseUrl.TrimEnd('/') + "/"), path));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, deadline.Token);
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            if (!response.IsSuccessStatusCode) throw DirectoryUnavailable.Because($"it answered {(int)response.StatusCode} {response.ReasonPhrase}");
            await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
            var answer = await JsonSerializer.DeserializeAsync<T>(body, Json, deadline.Token);
            return answer is not null && complete(answer) ? answer : throw DirectoryUnavailable.Because("its answer lacked the expected ids");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw DirectoryUnavailable.TimedOut(timeout);
        }
        catch (JsonException)
        {
            throw DirectoryUnavailable.Because("its answer was not the expected JSON");
        }
        catch (HttpRequestException e)
        {
            throw DirectoryUnavailable.Because(e.Message);
        }
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record UserPage(IReadOnlyList<DirectoryUser>? Value);
}
