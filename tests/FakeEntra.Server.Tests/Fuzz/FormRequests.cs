using System.Text;

namespace FakeEntra.Server.Tests.Fuzz;

/// <summary>
/// Requests that carry OAuth-style parameters: a form post (mostly with the form content type, sometimes another or none,
/// sometimes real multipart) or a query string, each from a well-formed parameter list broken by <see cref="ParameterMutator"/>.
/// </summary>
public static class FormRequests
{
    private const string Form = "application/x-www-form-urlencoded";
    private static readonly string?[] OddContentTypes =
    [
        null, "application/json", "text/plain", "multipart/form-data", "multipart/form-data; boundary=" + new string('b', 200), Form + "; charset=utf-16",
        Form + "; charset=bogus", Form + ";;;", "*/*", "APPLICATION/X-WWW-FORM-URLENCODED", "application/x-www-form-urlencoded\u00e9", Form + "; boundary=x",
    ];
    // Not Host: the client takes it for the TLS server name, and the handshake fails before the server sees the request.
    private static readonly string[] OddHeaders = ["sec-Restrict-Tenant-Access-Policy", "client-request-id", "Cookie", "Origin", "X-Forwarded-Host"];

    public static FuzzCase Post(Random random, string target, string route, IReadOnlyList<(string Key, string Value)> parameters, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        var (body, input) = ParameterMutator.Mutate(random, parameters, body: true);
        var contentType = Form;
        if (random.Chance(0.12))
        {
            contentType = random.Pick(OddContentTypes);
            input += $"; content type {contentType ?? "missing"}";
        }
        else if (random.Chance(0.03))
        {
            (body, contentType) = Multipart(parameters);
            input = "well-formed multipart form";
        }
        var (extra, headerInput) = Headers(random);
        return new FuzzCase
        {
            Method = "POST",
            Target = target,
            Route = route,
            Input = input + headerInput,
            Body = body,
            ContentType = contentType,
            Headers = [.. headers ?? [], .. extra],
        };
    }

    public static FuzzCase Get(Random random, string path, string route, IReadOnlyList<(string Key, string Value)> parameters, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        var (query, input) = ParameterMutator.Mutate(random, parameters, body: false);
        var (extra, headerInput) = Headers(random);
        return new FuzzCase
        {
            Method = "GET",
            Target = $"{path}?{Encoding.ASCII.GetString(query)}",
            Route = route,
            Input = input + headerInput,
            Headers = [.. headers ?? [], .. extra],
        };
    }

    // Now and then one header a proxy, a browser or an attacker adds, with a hostile value.
    private static (KeyValuePair<string, string>[] Headers, string Input) Headers(Random random)
    {
        if (!random.Chance(0.08)) return ([], "");
        var name = random.Pick(OddHeaders);
        var (kind, value) = HostileText.Any(random);
        return ([new(name, value)], $"; header {name}: {kind}");
    }

    private static (byte[] Body, string ContentType) Multipart(IReadOnlyList<(string Key, string Value)> parameters)
    {
        const string boundary = "fuzz-boundary";
        var text = new StringBuilder();
        foreach (var (key, value) in parameters)
            text.Append($"--{boundary}\r\nContent-Disposition: form-data; name=\"{key}\"\r\n\r\n{value}\r\n");
        text.Append($"--{boundary}--\r\n");
        return (Encoding.UTF8.GetBytes(text.ToString()), $"multipart/form-data; boundary={boundary}");
    }
}
