using System.Text.Encodings.Web;
using System.Text.Json;

namespace FakeEntra.Server.Hosting;

/// <summary>Writer settings for responses: Entra's JSON keeps quotes and non-ASCII text literal.</summary>
public static class Json
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
