using System.Globalization;

namespace SharedChannels.Api.Hosting;

/// <summary>
/// Newest-first paging by a growing id: <c>$top</c> (1–<paramref name="max"/>) and an opaque <c>$skiptoken</c> that
/// continues after the last item of the previous page, linked as Graph does with <c>@odata.nextLink</c>.
/// </summary>
public sealed record Paging(int Top, long? Before)
{
    public static Paging From(HttpRequest request, int fallback, int max)
    {
        var top = fallback;
        if (request.Query["$top"] is { Count: > 0 } t && (!int.TryParse(t.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out top) || top < 1 || top > max))
            throw ProblemException.BadRequest($"$top must be a whole number from 1 to {max}.");
        long? before = null;
        if (request.Query["$skiptoken"] is { Count: > 0 } s)
        {
            if (!long.TryParse(s.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)) throw ProblemException.BadRequest("$skiptoken is not one this API issued.");
            before = id;
        }
        return new Paging(top, before);
    }

    /// <summary>The link to the next page, when the page read one item more than it shows.</summary>
    public string? NextLink(HttpRequest request, int fetched, long lastShownId) =>
        fetched > Top ? $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?$top={Top}&$skiptoken={lastShownId.ToString(CultureInfo.InvariantCulture)}" : null;
}
