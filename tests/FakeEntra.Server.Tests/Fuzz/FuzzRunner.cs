using System.Diagnostics;
using System.Globalization;
using System.Text;
using FakeEntra.Server.Tests.Infrastructure;

namespace FakeEntra.Server.Tests.Fuzz;

/// <summary>What came of one case: the status, or why there was none, and how long it took.</summary>
public sealed record FuzzOutcome(FuzzCase Case, int? Status, string? NoAnswer, TimeSpan Elapsed = default);

/// <summary>
/// Sends the cases in order over real HTTPS loopback, <c>parallelism</c> at a time, each bounded by <c>perRequest</c> and the
/// whole run by <c>budget</c> (cases left when it is spent are not sent, and say so). The cases are taken one at a time from
/// the generator, so generating them overlaps with sending them without changing their order.
/// </summary>
public static class FuzzRunner
{
    public const string NotSent = "not sent: the run's time budget was spent";

    public static async Task<IReadOnlyList<FuzzOutcome>> RunAsync(FakeEntraServer server, IEnumerable<FuzzCase> cases, int parallelism, TimeSpan perRequest, TimeSpan budget)
    {
        using var client = Client(server, parallelism);
        using var source = cases.GetEnumerator();
        var outcomes = new List<FuzzOutcome>();
        var clock = Stopwatch.StartNew();
        FuzzCase? Next()
        {
            lock (source) return source.MoveNext() ? source.Current : null;
        }
        async Task Work()
        {
            while (Next() is { } next)
            {
                for (FuzzCase? request = next; request is not null; request = request.Then)
                {
                    var outcome = clock.Elapsed > budget ? new(request, null, NotSent) : await SendAsync(client, server.Origin, request, perRequest);
                    lock (outcomes) outcomes.Add(outcome);
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, parallelism).Select(_ => Task.Run(Work)));
        return [.. outcomes.OrderBy(o => o.Case.Id)];
    }

    private static async Task<FuzzOutcome> SendAsync(HttpClient client, string origin, FuzzCase fuzzCase, TimeSpan perRequest)
    {
        using var timeout = new CancellationTokenSource(perRequest);
        var clock = Stopwatch.StartNew();
        try
        {
            using var request = Request(origin, fuzzCase);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            await response.Content.CopyToAsync(Stream.Null, timeout.Token);
            return new(fuzzCase, (int)response.StatusCode, null, clock.Elapsed);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return new(fuzzCase, null, $"no answer within {perRequest.TotalSeconds:0} s", clock.Elapsed);
        }
        catch (HttpRequestException e)
        {
            return new(fuzzCase, null, $"connection failed: {Innermost(e).Message}", clock.Elapsed);
        }
        catch (Exception e) when (e is UriFormatException or FormatException or InvalidOperationException)
        {
            return new(fuzzCase, null, $"not sent: the client refused it ({e.GetType().Name}: {e.Message})");
        }
    }

    private static HttpRequestMessage Request(string origin, FuzzCase fuzzCase)
    {
        // Sent as generated: no normalizing of dot segments or escapes.
        var uri = new Uri(origin + fuzzCase.Target, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var request = new HttpRequestMessage(new HttpMethod(fuzzCase.Method), uri);
        request.Headers.TryAddWithoutValidation(ServerErrorLog.CaseHeader, fuzzCase.Id.ToString(CultureInfo.InvariantCulture));
        // Line breaks and NUL cannot be in a header value at all: the client would refuse to send it.
        foreach (var (name, value) in fuzzCase.Headers) request.Headers.TryAddWithoutValidation(name, new string([.. value.Where(c => c is not ('\r' or '\n' or '\0'))]));
        if (fuzzCase.Body is not null || fuzzCase.ContentType is not null)
        {
            // A server may answer before reading a body (a bad tenant) and close; with 100-continue the client waits for
            // that answer instead of losing it to a broken pipe while it still writes.
            if (fuzzCase.Body?.Length > 8_192) request.Headers.ExpectContinue = true;
            request.Content = new ByteArrayContent(fuzzCase.Body ?? []);
            if (fuzzCase.ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzzCase.ContentType);
        }
        return request;
    }

    private static HttpClient Client(FakeEntraServer server, int parallelism)
    {
        var handler = TrustedHttp.Primary(server.Authority);
        handler.AllowAutoRedirect = false;
        handler.UseCookies = false;
        handler.MaxConnectionsPerServer = parallelism;
        // Odd requests get odd answers: a long Location header is the server's to send, not a client error.
        handler.MaxResponseHeadersLength = 64 * 1024;
        handler.RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8;
        return new HttpClient(new LoopbackOnlyHandler(handler)) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
