using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FakeEntra.Server.Hosting;

/// <summary>Entra's JSON responses: quotes and non-ASCII text kept literal, and the body sent whole with its Content-Length.</summary>
public static class Json
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // One buffer and writer per thread, reused: a writer over the body stream grew arrays of its own for every response (a
    // fifth of a password grant's allocations) and sent the body in chunks.
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    /// <summary>Sets the JSON content type and Content-Length, and writes what <paramref name="write"/> writes as the body.</summary>
    public static void Write<TState>(HttpResponse response, TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        write(writer, state);
        writer.Flush();
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = buffer.WrittenCount;
        // Copied into the response's pipe before the thread's buffer can be reused; the server sends it when the request ends.
        response.BodyWriter.Write(buffer.WrittenSpan);
    }
}
