using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SharedChannels.Api.Hosting;

/// <summary>
/// Why a token was refused, in words a developer can act on. The validators no longer put the offending audience or issuer
/// into their exceptions, so they are read from the refused token itself (for the message only; nothing else trusts it).
/// </summary>
public static class RefusalReason
{
    public static string Describe(Exception? failure, string? handlerDescription, HttpContext http)
    {
        var configuration = http.RequestServices.GetRequiredService<IConfiguration>();
        var token = Unverified(http);
        return failure switch
        {
            SecurityTokenInvalidAudienceException => $"The audience '{Claim(token, "aud")}' is invalid: this API accepts tokens for {configuration["AzureAd:ClientId"]}",
            SecurityTokenInvalidIssuerException => $"The issuer '{Claim(token, "iss")}' is invalid: this API accepts tokens its own tenant ({configuration["AzureAd:TenantId"]}) issued",
            _ when !string.IsNullOrEmpty(handlerDescription) => handlerDescription,
            _ => "The token is not a well-formed, signed JWT",
        };
    }

    private static JsonWebToken? Unverified(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            return new JsonWebToken(header[Bearer.Length..].Trim());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Claim(JsonWebToken? token, string type) =>
        token is not null && token.TryGetPayloadValue<object>(type, out var value) ? value?.ToString() ?? "(none)" : "(none)";
}
