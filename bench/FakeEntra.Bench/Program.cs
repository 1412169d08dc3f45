using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using FakeEntra.Bench;
using FakeEntra.Server.Certificates;

// Load script for FakeEntra: cold start to first token, and per-request latency of the token endpoint against
// baselines measured in the same run (an endpoint that does no token work, and one bare RS256 signature).
// Usage: dotnet run -c Release --project bench/FakeEntra.Bench -- [--requests N] [--starts N]
var requests = Option(args, "--requests", 1000);
var starts = Option(args, "--starts", 5);
var serverDll = Path.Combine(AppContext.BaseDirectory, "FakeEntra.Server.dll");
Console.WriteLine($"FakeEntra bench: {Environment.ProcessorCount} cores, {requests} requests per case, {starts} starts per kind");

// 1. Cold start: process start to the first client-credentials token, fresh data directory (keys and CA created) and warm one.
var warmDirectory = Path.Combine(Path.GetTempPath(), $"fakeentra-bench-{Guid.NewGuid():N}");
var fresh = new List<double>();
var warm = new List<double>();
for (var i = 0; i < starts; i++)
{
    var directory = i == 0 ? warmDirectory : Path.Combine(Path.GetTempPath(), $"fakeentra-bench-{Guid.NewGuid():N}");
    fresh.Add(await Server.TimeToFirstToken(serverDll, directory));
}
for (var i = 0; i < starts; i++) warm.Add(await Server.TimeToFirstToken(serverDll, warmDirectory));
Console.WriteLine($"cold start to first token, new data directory:      median {Stats.Median(fresh):F0} ms  (runs: {string.Join(", ", fresh.Select(v => v.ToString("F0")))})");
Console.WriteLine($"cold start to first token, existing data directory: median {Stats.Median(warm):F0} ms  (runs: {string.Join(", ", warm.Select(v => v.ToString("F0")))})");

// 2. Request latency, one request at a time, against one running server.
await using var server = await Server.Start(serverDll, warmDirectory);
using var http = new HttpClient(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = CertificateTrust.Trusting(server.Authority) } })
{
    BaseAddress = new Uri(server.Origin),
};
var refreshToken = await Cases.RefreshToken(http);
var cases = new (string Name, Func<Task> Call)[]
{
    ("GET /healthz (baseline: no token work)", () => Cases.Get(http, "/healthz")),
    ("GET discovery document", () => Cases.Get(http, "/contoso.com/v2.0/.well-known/openid-configuration")),
    ("POST token: client_credentials", () => Cases.ClientCredentials(http)),
    ("POST token: password (AT + ID + RT)", () => Cases.Password(http)),
    ("POST token: refresh_token (AT + ID + RT)", () => Cases.Refresh(http, refreshToken)),
};
var baseline = 0.0;
foreach (var (name, call) in cases)
{
    for (var i = 0; i < 100; i++) await call(); // warm-up
    var samples = new List<double>(requests);
    for (var i = 0; i < requests; i++)
    {
        var started = Stopwatch.GetTimestamp();
        await call();
        samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
    var median = Stats.Median(samples);
    if (baseline == 0) baseline = median;
    Console.WriteLine($"{name,-42} median {median,6:F2} ms  p95 {Stats.Percentile(samples, 95),6:F2} ms  ({median / baseline,4:F1}x baseline)");
}

// 3. Throughput with two concurrent clients (the machine has two cores, shared with this process).
var throughput = await Stats.Throughput(() => Cases.ClientCredentials(http), concurrency: 2, total: requests * 2);
Console.WriteLine($"client_credentials throughput, 2 concurrent clients: {throughput:F0} tokens/s");

// 4. One bare RS256 signature of a token-sized payload, the floor of any token request.
using var rsa = RSA.Create(2048);
var payload = new byte[600];
var signatures = new List<double>();
for (var i = 0; i < 50; i++) rsa.SignData(payload, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
for (var batch = 0; batch < 20; batch++)
{
    var started = Stopwatch.GetTimestamp();
    for (var i = 0; i < 50; i++) rsa.SignData(payload, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    signatures.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds / 50);
}
Console.WriteLine($"one RS256 signature (in-process):          median {Stats.Median(signatures):F3} ms");
return 0;

static int Option(string[] args, string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value && int.TryParse(value, out var parsed) ? parsed : fallback;
