using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using FakeEntra.Server.Tests.Infrastructure;

namespace FakeEntra.Server.Tests;

/// <summary>Each emulated AADSTS code, provoked over HTTP and checked against Entra's error shape.</summary>
[Collection(DefaultServer.Name)]
public partial class ErrorTests(FakeEntraServer server)
{
    private const string ClientCredentials = "client_credentials";

    public static TheoryData<string, string, int, int, string> Cases => new()
    {
        // path tenant, form, status, AADSTS code, OAuth error
        { "nowhere.example.com", $"grant_type={ClientCredentials}", 400, 90002, "invalid_request" },
        { "not_a_tenant", $"grant_type={ClientCredentials}", 400, 900023, "invalid_request" },
        { World.Contoso, "client_id=x", 400, 900144, "invalid_request" },
        { World.Contoso, "grant_type=urn:ietf:params:oauth:grant-type:saml1_1-bearer", 400, 70003, "unsupported_grant_type" },
        { World.Contoso, $"grant_type=password&client_id={World.Client}&username=alice@contoso.com&password=wrong&scope=openid", 400, 50126, "invalid_grant" },
        { World.Contoso, $"grant_type=password&client_id={World.Client}&username=nobody@contoso.com&password=x&scope=openid", 400, 50034, "invalid_grant" },
        { World.Contoso, $"grant_type=password&client_id={World.Client}&username=bob@fabrikam.com&password={World.Password}&scope=openid", 400, 50020, "invalid_grant" },
        { World.Contoso, $"grant_type={ClientCredentials}&client_id=11111111-2222-3333-4444-555555555555&client_secret=x&scope={World.SharedChannelsDefault}", 400, 700016, "unauthorized_client" },
        { World.Fabrikam, $"grant_type={ClientCredentials}&client_id={World.Daemon}&client_secret={World.DaemonSecret}&scope={World.SharedChannelsDefault}", 400, 700016, "unauthorized_client" },
        { World.Contoso, $"grant_type={ClientCredentials}&client_id={World.Daemon}&client_secret=wrong&scope={World.SharedChannelsDefault}", 401, 7000215, "invalid_client" },
        { World.Contoso, $"grant_type={ClientCredentials}&client_id={World.Daemon}&scope={World.SharedChannelsDefault}", 401, 7000218, "invalid_client" },
        { World.Contoso, $"grant_type=password&client_id={World.Client}&client_secret=x&username=alice@contoso.com&password=x&scope=openid", 401, 700025, "invalid_client" },
        { World.Contoso, $"grant_type=password&client_id={World.Client}&username=alice@contoso.com&password={World.Password}", 400, 70011, "invalid_scope" },
        { World.Contoso, $"grant_type=password&client_id={World.Client}&username=alice@contoso.com&password={World.Password}&scope=api://{World.SharedChannelsApi}/Nope", 400, 70011, "invalid_scope" },
        { World.Contoso, $"grant_type=password&client_id={World.Client}&username=alice@contoso.com&password={World.Password}&scope=api://a/x%20api://b/y", 400, 28000, "invalid_scope" },
        { World.Contoso, $"grant_type={ClientCredentials}&client_id={World.Daemon}&client_secret={World.DaemonSecret}&scope={World.SharedChannelsScope}", 400, 1002012, "invalid_scope" },
        { World.Contoso, $"grant_type={ClientCredentials}&client_id={World.Daemon}&client_secret={World.DaemonSecret}&scope=api://unknown-resource/.default", 400, 500011, "invalid_resource" },
        { "organizations", $"grant_type={ClientCredentials}&client_id={World.Daemon}&client_secret={World.DaemonSecret}&scope={World.SharedChannelsDefault}", 400, 50059, "invalid_request" },
        { World.Contoso, $"grant_type=password&client_id={World.Client}&username=alice@contoso.com&password={World.Password}&scope=https://graph.microsoft.com/Mail.Read", 400, 70011, "invalid_scope" },
        { World.Contoso, $"grant_type=refresh_token&client_id={World.Client}&refresh_token=not-a-refresh-token", 400, 9002313, "invalid_grant" },
        { World.Contoso, $"grant_type=password&client_id={World.Daemon}&username=alice@contoso.com&password={World.Password}&scope=openid", 401, 7000218, "invalid_client" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Token_endpoint_errors_have_entras_shape(string tenant, string form, int status, int code, string error)
    {
        using var http = server.CreateClient();
        var correlation = Guid.NewGuid();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/{tenant}/oauth2/v2.0/token")
        {
            Content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("client-request-id", correlation.ToString());
        var response = await http.SendAsync(request);
        await AssertEntraError(response, status, code, error, correlation);
    }

    [Fact]
    public async Task A_get_on_the_token_endpoint_is_AADSTS900561()
    {
        using var http = server.CreateClient();
        await AssertEntraError(await http.GetAsync($"/{World.Contoso}/oauth2/v2.0/token"), 400, 900561, "invalid_request", null);
    }

    [Fact]
    public async Task A_refresh_token_of_another_client_is_AADSTS70000()
    {
        using var http = server.CreateClient();
        var issued = await Post(http, World.Contoso, $"grant_type=password&client_id={World.Client}&username=alice@contoso.com&password={World.Password}&scope=openid%20offline_access%20{World.SharedChannelsScope}");
        var refreshToken = issued.GetProperty("refresh_token").GetString();
        var response = await http.PostAsync($"/{World.Contoso}/oauth2/v2.0/token", Form($"grant_type=refresh_token&client_id={World.Daemon}&client_secret={World.DaemonSecret}&refresh_token={refreshToken}"));
        await AssertEntraError(response, 400, 70000, "invalid_grant", null);
    }

    [Theory]
    [InlineData("application/json", "{\"grant_type\":\"client_credentials\"}")]
    [InlineData("application/x-www-form-urlencoded", "%%%&&&===")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nbroken")]
    [InlineData("text/plain", "")]
    [InlineData("application/x-www-form-urlencoded", "grant_type=password&client_id=%00%FF&username=%E2%82&password=&scope=%20")]
    public async Task Garbage_bodies_get_a_4xx_in_entras_shape(string contentType, string body)
    {
        using var http = server.CreateClient();
        var content = new StringContent(body);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        var response = await http.PostAsync($"/{World.Contoso}/oauth2/v2.0/token", content);
        Assert.InRange((int)response.StatusCode, 400, 499);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("AADSTS", json.GetProperty("error_description").GetString());
    }

    [Theory]
    [InlineData("Basic !!!notbase64")]
    [InlineData("Basic Zm9v")]
    [InlineData("Bearer abc")]
    public async Task Malformed_authorization_headers_get_a_4xx(string header)
    {
        using var http = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/{World.Contoso}/oauth2/v2.0/token") { Content = Form($"grant_type={ClientCredentials}&scope={World.SharedChannelsDefault}") };
        request.Headers.TryAddWithoutValidation("Authorization", header);
        var response = await http.SendAsync(request);
        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    private static FormUrlEncodedContent Form(string form) =>
        new(form.Split('&').Select(p => p.Split('=', 2)).Select(p => new KeyValuePair<string, string>(Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p[1]))));

    private static async Task<JsonElement> Post(HttpClient http, string tenant, string form)
    {
        var response = await http.PostAsync($"/{tenant}/oauth2/v2.0/token", Form(form));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.True(response.IsSuccessStatusCode, body.GetRawText());
        return body;
    }

    internal static async Task AssertEntraError(HttpResponseMessage response, int status, int code, string error, Guid? correlation)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(text), response.Content.Headers.ContentLength);
        var json = JsonDocument.Parse(text).RootElement;
        Assert.Equal(["error", "error_description", "error_codes", "timestamp", "trace_id", "correlation_id", "error_uri"],
            json.EnumerateObject().Select(p => p.Name).Where(n => n != "suberror"));
        Assert.Equal(error, json.GetProperty("error").GetString());
        Assert.Equal([code], json.GetProperty("error_codes").EnumerateArray().Select(e => e.GetInt32()));
        var description = json.GetProperty("error_description").GetString()!;
        var match = Description().Match(description);
        Assert.True(match.Success, description);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), match.Groups["code"].Value);
        Assert.Equal(json.GetProperty("trace_id").GetString(), match.Groups["trace"].Value);
        Assert.Equal(json.GetProperty("correlation_id").GetString(), match.Groups["correlation"].Value);
        Assert.Equal(json.GetProperty("timestamp").GetString(), match.Groups["timestamp"].Value);
        Assert.Equal(response.Headers.GetValues("x-ms-request-id").Single(), json.GetProperty("trace_id").GetString());
        if (correlation is { } sent) Assert.Equal(sent.ToString(), json.GetProperty("correlation_id").GetString());
        Assert.EndsWith($"/error?code={code}", json.GetProperty("error_uri").GetString());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "");
    }

    [GeneratedRegex(@"^AADSTS(?<code>\d+): .+\r\nTrace ID: (?<trace>[0-9a-f-]{36})\r\nCorrelation ID: (?<correlation>[0-9a-f-]{36})\r\nTimestamp: (?<timestamp>\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ)$", RegexOptions.Singleline)]
    private static partial Regex Description();
}
