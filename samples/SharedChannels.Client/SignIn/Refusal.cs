using System.Text.Json;
using Microsoft.Identity.Client;

namespace SharedChannels.Client.SignIn;

/// <summary>
/// What Entra (here FakeEntra) said when it refused: the AADSTS code and its reason, read from the token endpoint's answer
/// that MSAL keeps, without the trace lines. MSAL's own errors (no answer from the server) keep MSAL's message.
/// </summary>
public sealed record Refusal(int? Code, string Error, string Reason)
{
    public static Refusal From(MsalException exception)
    {
        if (exception is MsalServiceException { ResponseBody: { Length: > 0 } body } && Parse(body) is { } parsed) return parsed;
        return new Refusal(null, exception.ErrorCode, FirstLine(exception.Message));
    }

    public override string ToString() => Code is { } code ? $"AADSTS{code} ({Error}): {Reason}" : $"{Error}: {Reason}";

    private static Refusal? Parse(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out var error)) return null;
            int? code = root.TryGetProperty("error_codes", out var codes) && codes.ValueKind == JsonValueKind.Array && codes.GetArrayLength() > 0
                        && codes[0].TryGetInt32(out var first) ? first : null;
            var description = root.TryGetProperty("error_description", out var d) ? d.GetString() ?? "" : "";
            // Entra's description starts "AADSTS65001: reason" and ends with trace lines; keep the reason.
            var reason = FirstLine(description);
            if (code is { } c && reason.StartsWith($"AADSTS{c}: ", StringComparison.Ordinal)) reason = reason[$"AADSTS{c}: ".Length..];
            return new Refusal(code, error.GetString() ?? "", reason);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd('\r', ' ');
}
