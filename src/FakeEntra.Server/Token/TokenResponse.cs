using FakeEntra.Server.Hosting;
using System.Text.Json;
using FakeEntra.Server.Errors;

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

    public async Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        AadErrorResponse.NoStore(response);
        await using var w = new Utf8JsonWriter(response.Body, Json.WriterOptions);
        w.WriteStartObject();
        w.WriteString("token_type", "Bearer");
        if (Scope is not null) w.WriteString("scope", Scope);
        w.WriteNumber("expires_in", ExpiresIn);
        w.WriteNumber("ext_expires_in", ExpiresIn);
        w.WriteString("access_token", AccessToken);
        if (RefreshToken is not null) w.WriteString("refresh_token", RefreshToken);
        if (IdToken is not null) w.WriteString("id_token", IdToken);
        if (ClientInfo is not null) w.WriteString("client_info", ClientInfo);
        w.WriteEndObject();
    }
}
