namespace FakeEntra.Server.Hosting;

/// <summary>Request parameters from the query (GET) or form (POST); what cannot be read counts as absent.</summary>
public static class Parameters
{
    public static async Task<Dictionary<string, string>> ReadAsync(HttpRequest request)
    {
        var values = HttpMethods.IsPost(request.Method) ? (IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>>)await ReadFormAsync(request) : request.Query;
        return values.ToDictionary(p => p.Key, p => p.Value.FirstOrDefault() ?? "", StringComparer.Ordinal);
    }

    public static async Task<IFormCollection> ReadFormAsync(HttpRequest request)
    {
        if (!request.HasFormContentType) return FormCollection.Empty;
        try
        {
            return await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return FormCollection.Empty;
        }
    }
}
