namespace SharedChannels.Api.Hosting;

/// <summary>Reads a request body up to a limit, refusing (413) rather than buffering whatever a client sends.</summary>
public static class Bounded
{
    public static async Task<byte[]> ReadAsync(HttpRequest request, int limit, string what)
    {
        var tooLarge = ProblemException.TooLarge($"{what} is larger than {limit} bytes.");
        if (request.ContentLength > limit) throw tooLarge;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit) throw tooLarge;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
