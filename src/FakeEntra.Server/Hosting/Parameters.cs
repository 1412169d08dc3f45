using FakeEntra.Core.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace FakeEntra.Server.Hosting;

/// <summary>
/// Request parameters of the identity endpoints, from the query (GET) or form (POST), within size limits checked before
/// anything reads them, so that what a request costs before authentication is bounded. Entra answers a query string over its
/// limit with AADSTS90015 but publishes no numbers; these are FakeEntra's, roomy for every real client. A body that is not a
/// form counts as one without parameters, as Entra treats it.
/// </summary>
public static class Parameters
{
    /// <summary>The query string; also the form of the requests a browser may send either way (authorize, logout).</summary>
    public const int MaxQueryLength = 8 * 1024;
    /// <summary>A form body: room for a client assertion, an on-behalf-of assertion and a refresh token together.</summary>
    public const int MaxFormBytes = 64 * 1024;
    /// <summary>One value: more than the longest token, or the sign-in pages' <c>ctx</c> carrying a whole authorization request.</summary>
    public const int MaxValueLength = 32 * 1024;

    /// <summary>The parameters of a request that may come as a query or as a form; the first value of each.</summary>
    public static async Task<Dictionary<string, string>> ReadAsync(HttpRequest request)
    {
        var values = HttpMethods.IsPost(request.Method) ? await ReadFormAsync(request, MaxQueryLength) : (IEnumerable<KeyValuePair<string, StringValues>>)Query(request);
        return values.ToDictionary(p => p.Key, p => p.Value.FirstOrDefault() ?? "", StringComparer.Ordinal);
    }

    /// <summary>The form of a POST (its query string checked too, as some endpoints read both).</summary>
    public static Task<IFormCollection> ReadFormAsync(HttpRequest request) => ReadFormAsync(request, MaxFormBytes);

    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request, int maxBytes)
    {
        Query(request);
        if (!request.HasFormContentType) return FormCollection.Empty;
        if (request.ContentLength > maxBytes) throw new AadException(AadErrors.RequestTooLarge(maxBytes));
        // A body without a length (chunked) is cut off by the server once it passes the limit.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize) bodySize.MaxRequestBodySize = maxBytes;
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new AadException(AadErrors.RequestTooLarge(maxBytes));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return FormCollection.Empty;
        }
        CheckValues(form);
        return form;
    }

    private static IQueryCollection Query(HttpRequest request)
    {
        if (request.QueryString.Value?.Length > MaxQueryLength) throw new AadException(AadErrors.QueryTooLong(MaxQueryLength));
        return request.Query;
    }

    private static void CheckValues(IFormCollection form)
    {
        foreach (var (name, values) in form)
            foreach (var value in values)
                if (value?.Length > MaxValueLength) throw new AadException(AadErrors.ParameterNotValid(name, $"Its value is longer than {MaxValueLength} characters."));
    }
}
