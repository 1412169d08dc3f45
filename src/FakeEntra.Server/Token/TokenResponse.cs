using System.Buffers;
using System.Text.Json;
using FakeEntra.Server.Hosting;
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

    // One buffer and writer per thread, reused: a writer over the body stream grew arrays of its own for every response, a
    // fifth of a password grant's allocations.
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    /// <summary>Writes the JSON with its Content-Length, as Entra answers, rather than in chunks.</summary>
    public Task WriteAsync(HttpResponse response)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var w = t_writer ??= new Utf8JsonWriter(buffer, Json.WriterOptions);
        w.Reset(buffer);
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
        w.Flush();
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = buffer.WrittenCount;
        AadErrorResponse.NoStore(response);
        // Copied into the response's pipe before the thread's buffer can be reused; the server sends it when the request ends.
        response.BodyWriter.Write(buffer.WrittenSpan);
        return Task.CompletedTask;
    }
}
