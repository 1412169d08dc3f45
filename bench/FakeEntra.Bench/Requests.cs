using System.Text;
using System.Text.Json;

namespace FakeEntra.Bench;

/// <summary>The few requests the bench makes itself, to prepare the cases and to time the first token.</summary>
public static class Requests
{
    /// <summary>Posts a token request and returns the named member of the answer.</summary>
    public static async Task<string> Token(HttpClient http, string form, string member = "access_token")
    {
        using var response = await http.PostAsync(Cases.Token, new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"token request refused: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty(member).GetString()!;
    }

    /// <summary>The decoded payload of a JWT.</summary>
    public static string Payload(string jwt)
    {
        var part = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        return Encoding.UTF8.GetString(Convert.FromBase64String(part.PadRight(part.Length + (4 - part.Length % 4) % 4, '=')));
    }
}
