using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace SharedChannels.Client.SignIn;

/// <summary>The resource tenant as the user named it (a domain or an id) and its tenant id, read from its discovery document.</summary>
public sealed record ResourceTenant(string Name, string Id)
{
    public static async Task<ResourceTenant> ResolveAsync(HttpClient http, Uri fakeEntra, string name)
    {
        if (Guid.TryParse(name, out var id)) return new ResourceTenant(name, id.ToString());
        var url = new Uri(fakeEntra, $"{Uri.EscapeDataString(name)}/v2.0/.well-known/openid-configuration");
        using var response = await http.GetAsync(url);
        if (!response.IsSuccessStatusCode)
            throw new ClientFailure($"{fakeEntra} does not know the tenant '{name}' ({(int)response.StatusCode} from {url}).");
        var discovery = await response.Content.ReadFromJsonAsync<Discovery>();
        // The issuer is {origin}/{tenant id}/v2.0.
        var segments = discovery?.Issuer is { } issuer && Uri.TryCreate(issuer, UriKind.Absolute, out var uri) ? uri.Segments : [];
        return segments.Length >= 2 && Guid.TryParse(segments[^2].TrimEnd('/'), out var tenantId)
            ? new ResourceTenant(name, tenantId.ToString())
            : throw new ClientFailure($"The discovery document of '{name}' names no tenant id in its issuer ({url}).");
    }

    public override string ToString() => Name == Id ? Id : $"{Name} ({Id})";

    private sealed record Discovery([property: JsonPropertyName("issuer")] string? Issuer);
}
