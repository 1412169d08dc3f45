using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace FakeEntra.Bench;

/// <summary>
/// Graph writes: PATCHes of one user by 1 and by 32 writers under wrk (each one transaction with its audit row), and the time
/// one user creation takes in a tenant of 100 and of 10,000 users (each a transaction, a PBKDF2 derivation, an audit row).
/// </summary>
public static class GraphWrites
{
    private const string Alice = "089502b6-21d2-4399-960f-0f79f7be721e";

    public static BenchCase Patch(string graphToken) => new(
        "Graph write (PATCH /v1.0/users/{id}, one transaction + audit row)",
        $"/v1.0/users/{Alice}",
        $$"""
        wrk.method = "PATCH"
        wrk.headers["Content-Type"] = "application/json"
        wrk.headers[ [==[Authorization]==] ] = [==[Bearer {{graphToken}}]==]
        local n = 0
        request = function()
          n = n + 1
          return wrk.format(nil, nil, nil, '{"displayName":"Alice Anderson ' .. n .. '"}')
        end
        """);

    /// <summary>Median milliseconds of one <c>POST /v1.0/users</c>, <paramref name="count"/> made one after another.</summary>
    public static async Task<double> CreateUsers(HttpClient http, string graphToken, string tag, int count)
    {
        var samples = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var body = JsonSerializer.Serialize(new
            {
                accountEnabled = true,
                displayName = $"Bench {tag} {i}",
                mailNickname = $"bench{tag}{i}",
                userPrincipalName = $"bench{tag}{i}@contoso.com",
                passwordProfile = new { password = $"Bench~Passw0rd~{i}" },
            });
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1.0/users") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", graphToken);
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode) throw new HttpRequestException($"user create refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return Stats.Median(samples.Skip(count / 5).ToList());
    }
}
