namespace FakeEntra.Server.Tests.Fuzz;

/// <summary>
/// Kestrel answers a request line over 8 KB or headers over 32 KB itself (414, 431) and closes the connection while the client
/// still writes, so such a request tests Kestrel, not FakeEntra, and its answer is lost. Cases are cut to fit, and say so.
/// </summary>
public static class KestrelLimits
{
    private const int Target = 8_000;
    private const int HeaderValues = 30_000;

    public static FuzzCase Fit(FuzzCase fuzzCase)
    {
        var notes = new List<string>();
        var target = fuzzCase.Target;
        if (target.Length > Target) // the generators escape targets: one character is one byte
        {
            target = target[..Target];
            notes.Add("cut to Kestrel's request line");
        }
        var headers = fuzzCase.Headers.ToList();
        while (headers.Sum(h => h.Key.Length + System.Text.Encoding.UTF8.GetByteCount(h.Value)) > HeaderValues)
        {
            var longest = headers.IndexOf(headers.MaxBy(h => h.Value.Length));
            headers[longest] = new(headers[longest].Key, headers[longest].Value[..(headers[longest].Value.Length / 2)]);
            if (!notes.Contains("headers cut to Kestrel's limit")) notes.Add("headers cut to Kestrel's limit");
        }
        return notes.Count == 0 ? fuzzCase : fuzzCase with { Target = target, Headers = headers, Input = $"{fuzzCase.Input} ({string.Join(", ", notes)})" };
    }
}
