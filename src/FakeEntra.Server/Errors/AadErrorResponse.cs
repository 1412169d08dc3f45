using System.Text.Json;
using FakeEntra.Core.Errors;
using FakeEntra.Server.Hosting;

namespace FakeEntra.Server.Errors;

/// <summary>Writes an AADSTS error in Entra's JSON shape (error, description with trace lines, codes, ids, error_uri).</summary>
public static class AadErrorResponse
{
    public static async Task WriteAsync(HttpContext context, AadError error)
    {
        var ids = RequestIds.Of(context);
        var origin = context.RequestServices.GetRequiredService<PublicOrigin>().Value;
        var timestamp = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var response = context.Response;
        response.StatusCode = error.HttpStatus;
        response.ContentType = "application/json; charset=utf-8";
        NoStore(response);

        await using var writer = new Utf8JsonWriter(response.Body, Json.WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("error", error.Error);
        writer.WriteString("error_description",
            $"{error}\r\nTrace ID: {ids.TraceId:D}\r\nCorrelation ID: {ids.CorrelationId:D}\r\nTimestamp: {timestamp}");
        writer.WriteStartArray("error_codes");
        writer.WriteNumberValue(error.Code);
        writer.WriteEndArray();
        writer.WriteString("timestamp", timestamp);
        writer.WriteString("trace_id", ids.TraceId.ToString("D"));
        writer.WriteString("correlation_id", ids.CorrelationId.ToString("D"));
        writer.WriteString("error_uri", $"{origin}/error?code={error.Code}");
        if (error.Definition.Suberror is { } suberror) writer.WriteString("suberror", suberror);
        writer.WriteEndObject();
    }

    /// <summary>Entra's headers on token responses and errors: nothing may be cached.</summary>
    public static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store, no-cache";
        response.Headers.Pragma = "no-cache";
        response.Headers.Expires = "-1";
    }
}
