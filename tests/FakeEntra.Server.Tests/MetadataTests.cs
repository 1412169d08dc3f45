using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using FakeEntra.Server.Tests.Infrastructure;

namespace FakeEntra.Server.Tests;

[Collection(DefaultServer.Name)]
public class MetadataTests(FakeEntraServer server)
{
    private static readonly string[] Fields =
    [
        "token_endpoint", "token_endpoint_auth_methods_supported", "jwks_uri", "response_modes_supported", "subject_types_supported",
        "id_token_signing_alg_values_supported", "response_types_supported", "scopes_supported", "issuer", "request_uri_parameter_supported",
        "userinfo_endpoint", "authorization_endpoint", "device_authorization_endpoint", "http_logout_supported", "frontchannel_logout_supported",
        "end_session_endpoint", "claims_supported", "kerberos_endpoint", "tenant_region_scope", "cloud_instance_name", "cloud_graph_host_name",
        "msgraph_host", "rbac_url",
    ];

    private async Task<(HttpResponseMessage Response, JsonElement Body)> Get(string path)
    {
        using var http = server.CreateClient();
        var response = await http.GetAsync(path);
        return (response, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Theory]
    [InlineData(World.Contoso)]
    [InlineData("contoso.com")]
    [InlineData("contoso.onmicrosoft.com")]
    public async Task A_tenant_document_has_every_field_in_entras_order_with_guid_urls(string tenant)
    {
        var (response, doc) = await Get($"/{tenant}/v2.0/.well-known/openid-configuration");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Fields, doc.EnumerateObject().Select(p => p.Name));
        Assert.Equal($"{server.Origin}/{World.Contoso}/v2.0", doc.GetProperty("issuer").GetString());
        Assert.Equal($"{server.Origin}/{World.Contoso}/oauth2/v2.0/token", doc.GetProperty("token_endpoint").GetString());
        Assert.Equal($"{server.Origin}/{World.Contoso}/discovery/v2.0/keys", doc.GetProperty("jwks_uri").GetString());
        Assert.Equal($"{server.Origin}/{World.Contoso}/oauth2/v2.0/authorize", doc.GetProperty("authorization_endpoint").GetString());
        Assert.Equal("NA", doc.GetProperty("tenant_region_scope").GetString());
        Assert.Equal(["pairwise"], doc.GetProperty("subject_types_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("max-age=86400, private", response.Headers.CacheControl!.ToString());
        Assert.True(response.Headers.Contains("x-ms-request-id"));
    }

    [Theory]
    [InlineData("common")]
    [InlineData("organizations")]
    public async Task Aliases_advertise_the_tenantid_template(string alias)
    {
        var (_, doc) = await Get($"/{alias}/v2.0/.well-known/openid-configuration");
        Assert.Equal($"{server.Origin}/{{tenantid}}/v2.0", doc.GetProperty("issuer").GetString());
        Assert.Equal($"{server.Origin}/{alias}/oauth2/v2.0/token", doc.GetProperty("token_endpoint").GetString());
        Assert.Equal(JsonValueKind.Null, doc.GetProperty("tenant_region_scope").ValueKind);
    }

    [Theory]
    [InlineData("/nowhere.example.com/v2.0/.well-known/openid-configuration", 90002)]
    [InlineData("/00000000-0000-0000-0000-0000000000aa/v2.0/.well-known/openid-configuration", 90002)]
    [InlineData("/undefined/v2.0/.well-known/openid-configuration", 900023)]
    [InlineData("/nowhere.example.com/discovery/v2.0/keys", 90002)]
    public async Task An_unknown_tenant_is_a_400_invalid_tenant(string path, int code)
    {
        var (response, body) = await Get(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_tenant", body.GetProperty("error").GetString());
        Assert.Equal([code], body.GetProperty("error_codes").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task Every_tenant_serves_the_same_keys_named_as_entra_names_them()
    {
        var (_, contoso) = await Get($"/{World.Contoso}/discovery/v2.0/keys");
        var (_, common) = await Get("/common/discovery/v2.0/keys");
        Assert.Equal(contoso.GetRawText(), common.GetRawText());
        var key = contoso.GetProperty("keys").EnumerateArray().Single();
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.Equal(key.GetProperty("kid").GetString(), key.GetProperty("x5t").GetString());
        Assert.Equal($"{server.Origin}/{{tenantid}}/v2.0", key.GetProperty("issuer").GetString());
        var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(key.GetProperty("x5c")[0].GetString()!));
        Assert.Equal(key.GetProperty("kid").GetString(), System.Buffers.Text.Base64Url.EncodeToString(certificate.GetCertHash(HashAlgorithmName.SHA1)));
        Assert.Equal(key.GetProperty("n").GetString(), System.Buffers.Text.Base64Url.EncodeToString(certificate.GetRSAPublicKey()!.ExportParameters(false).Modulus));
    }

    [Theory]
    [InlineData("alice@contoso.com", "Managed", "contoso.com")]
    [InlineData("Bob@FABRIKAM.com", "Managed", "fabrikam.com")]
    [InlineData("someone@unknown.example", "Unknown", null)]
    public async Task User_realm_discovery_answers_as_msal_expects(string upn, string accountType, string? domain)
    {
        var (response, body) = await Get($"/common/userrealm/{upn}?api-version=1.0");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(accountType, body.GetProperty("account_type").GetString());
        Assert.Equal(domain, body.TryGetProperty("domain_name", out var d) ? d.GetString() : null);
    }

    [Fact]
    public async Task Health_reports_the_world()
    {
        var (response, body) = await Get("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, body.GetProperty("tenants").GetInt32());
    }

    [Fact]
    public async Task The_start_page_lists_the_world_with_development_credentials_and_configuration()
    {
        using var http = server.CreateClient();
        var html = System.Net.WebUtility.HtmlDecode(await http.GetStringAsync("/"));
        foreach (var tenant in new[] { World.Contoso, World.Fabrikam, World.Northwind, "9b857bb0-5fb4-4a8c-a685-a9b12a25ae3e" })
            Assert.Contains($"/{tenant}/v2.0/.well-known/openid-configuration", html);
        Assert.Contains("alice@contoso.com", html);
        Assert.Contains(World.Password, html);
        Assert.Contains(World.DaemonSecret, html);
        Assert.Contains("grace_northwind.com#EXT#@contoso.onmicrosoft.com", html);
        Assert.Contains("WithInstanceDiscovery(false)", html);
        Assert.Contains("AddOpenIdConnect", html);
        Assert.Contains("knownAuthorities", html);
        Assert.Contains($"\"Instance\": \"{server.Origin}/\"", html);
    }
}
