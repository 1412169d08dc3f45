using FakeEntra.Core.Errors;
using FakeEntra.Server.Hosting;

namespace FakeEntra.Server.Errors;

/// <summary>Writes an AADSTS error in Entra's JSON shape (error, description with trace lines, codes, ids, error_uri).</summary>
public static class AadErrorResponse
{
    public static Task WriteAsync(HttpContext context, AadError error)
    {
        var ids = RequestIds.Of(context);
        var origin = context.RequestServices.GetRequiredService<PublicOrigin>().Value;
        var timestamp = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var response = context.Response;
        response.StatusCode = error.HttpStatus;
        NoStore(response);
        Json.Write(response, (error, ids, origin, timestamp), static (writer, e) =>
        {
            writer.WriteStartObject();
            writer.WriteString("error", e.error.Error);
            writer.WriteString("error_description",
                $"{e.error}\r\nTrace ID: {e.ids.TraceId:D}\r\nCorrelation ID: {e.ids.CorrelationId:D}\r\nTimestamp: {e.timestamp}");
            writer.WriteStartArray("error_codes");
            writer.WriteNumberValue(e.error.Code);
            writer.WriteEndArray();
            writer.WriteString("timestamp", e.timestamp);
            writer.WriteString("trace_id", e.ids.TraceId.ToString("D"));
            writer.WriteString("correlation_id", e.ids.CorrelationId.ToString("D"));
            writer.WriteString("error_uri", $"{e.origin}/error?code={e.error.Code}");
            if (e.error.Definition.Suberror is { } suberror) writer.WriteString("suberror", suberror);
            writer.WriteEndObject();
        });
        return Task.CompletedTask;
    }

    /// <summary>Entra's headers on token responses and errors: nothing may be cached.</summary>
    public static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store, no-cache";
        response.Headers.Pragma = "no-cache";
        response.Headers.Expires = "-1";
    }
}
