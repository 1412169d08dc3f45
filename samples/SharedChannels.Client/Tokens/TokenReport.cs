using System.Globalization;
using System.Text;
using System.Text.Json;
using FakeEntra.Core.Tokens;

namespace SharedChannels.Client.Tokens;

/// <summary>
/// <c>--show-token</c>: each header field and claim with its one-line meaning (FakeEntra's <see cref="ClaimMeanings"/>, the
/// token inspector's), and for the claims that tell the cross-tenant story, what this token's value says about it.
/// </summary>
public static class TokenReport
{
    private static readonly string[] Times = ["iat", "nbf", "exp", "auth_time"];

    public static string Render(string accessToken, TokenContext context)
    {
        var token = JwtParts.Decode(accessToken);
        var text = new StringBuilder();
        text.AppendLine("Access token header:");
        foreach (var field in token.Header.EnumerateObject())
            Line(text, field.Name, Value(field), ClaimMeanings.Header.GetValueOrDefault(field.Name), null);
        text.AppendLine("Access token claims:");
        foreach (var claim in token.Claims.EnumerateObject())
            Line(text, claim.Name, Value(claim), ClaimMeanings.Claims.GetValueOrDefault(claim.Name), context.Explain(claim.Name, Text(claim.Value)));
        if (Number(token.Claims, "iat") is { } iat && Number(token.Claims, "exp") is { } exp)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  exp - iat = {exp - iat} s: the token lives {(exp - iat == 3600 ? "exactly one hour, as Entra's access tokens do" : TimeSpan.FromSeconds(exp - iat).ToString())}; then the client gets a new one (silently, if the settings still admit you).");
        return text.ToString();
    }

    private static void Line(StringBuilder text, string name, string value, string? meaning, string? here)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"  {name,-20} {value}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  {"",-20} {meaning ?? "(not one of the claims Entra documents)"}");
        if (here is not null) text.AppendLine(CultureInfo.InvariantCulture, $"  {"",-20} Here: {here}");
    }

    private static string Value(JsonProperty property)
    {
        var text = Text(property.Value);
        return Times.Contains(property.Name) && property.Value.TryGetInt64(out var seconds)
            ? $"{text} ({DateTimeOffset.FromUnixTimeSeconds(seconds):u})"
            : text;
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Text)),
        _ => value.GetRawText(),
    };

    private static long? Number(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.TryGetInt64(out var number) ? number : null;
}
