using FakeEntra.Server.Errors;
using FakeEntra.Server.Hosting;

namespace FakeEntra.Server.Token;

/// <summary>A successful token response, written with Entra's members in Entra's order.</summary>
public sealed record TokenResponse
{
    public string? Scope { get; init; }
    public required int ExpiresIn { get; init; }
    public required string AccessToken { get; init; }
    public string? RefreshToken { get; init; }
    public string? IdToken { get; init; }
    public string? ClientInfo { get; init; }

    /// <summary>Writes the JSON with its Content-Length, as Entra answers, rather than in chunks.</summary>
    public Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status200OK;
        AadErrorResponse.NoStore(response);
        Json.Write(response, this, static (w, token) =>
        {
            w.WriteStartObject();
            w.WriteString("token_type", "Bearer");
            if (token.Scope is not null) w.WriteString("scope", token.Scope);
            w.WriteNumber("expires_in", token.ExpiresIn);
            w.WriteNumber("ext_expires_in", token.ExpiresIn);
            w.WriteString("access_token", token.AccessToken);
            if (token.RefreshToken is not null) w.WriteString("refresh_token", token.RefreshToken);
            if (token.IdToken is not null) w.WriteString("id_token", token.IdToken);
            if (token.ClientInfo is not null) w.WriteString("client_info", token.ClientInfo);
            w.WriteEndObject();
        });
        return Task.CompletedTask;
    }
}
