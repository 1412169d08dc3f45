using FakeEntra.Server.Hosting;
using System.Text.Json;
using FakeEntra.Core.DirectoryObjects;

namespace FakeEntra.Server.Metadata;

/// <summary>
/// The v2 OpenID configuration, field for field and in the order Entra serves it. Aliases (common, organizations)
/// advertise the literal <c>{tenantid}</c> issuer template that Microsoft.Identity.Web's issuer validator expects.
/// </summary>
public static class DiscoveryDocument
{
    public static byte[] Write(string origin, string pathTenant, Organization? tenant)
    {
        var segment = tenant?.Id.ToString("D") ?? pathTenant;
        var baseUrl = $"{origin}/{segment}";
        using var buffer = new MemoryStream(2048);
        using (var w = new Utf8JsonWriter(buffer, Json.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("token_endpoint", $"{baseUrl}/oauth2/v2.0/token");
            Array(w, "token_endpoint_auth_methods_supported", "client_secret_post", "private_key_jwt", "client_secret_basic");
            w.WriteString("jwks_uri", $"{baseUrl}/discovery/v2.0/keys");
            Array(w, "response_modes_supported", "query", "fragment", "form_post");
            Array(w, "subject_types_supported", "pairwise");
            Array(w, "id_token_signing_alg_values_supported", "RS256");
            Array(w, "response_types_supported", "code", "id_token", "code id_token", "id_token token");
            Array(w, "scopes_supported", "openid", "profile", "email", "offline_access");
            w.WriteString("issuer", $"{origin}/{tenant?.Id.ToString("D") ?? "{tenantid}"}/v2.0");
            w.WriteBoolean("request_uri_parameter_supported", false);
            w.WriteString("userinfo_endpoint", $"{origin}/oidc/userinfo");
            w.WriteString("authorization_endpoint", $"{baseUrl}/oauth2/v2.0/authorize");
            w.WriteString("device_authorization_endpoint", $"{baseUrl}/oauth2/v2.0/devicecode");
            w.WriteBoolean("http_logout_supported", true);
            w.WriteBoolean("frontchannel_logout_supported", true);
            w.WriteString("end_session_endpoint", $"{baseUrl}/oauth2/v2.0/logout");
            Array(w, "claims_supported", "sub", "iss", "cloud_instance_name", "cloud_instance_host_name", "cloud_graph_host_name", "msgraph_host",
                "aud", "exp", "iat", "auth_time", "acr", "nonce", "preferred_username", "name", "tid", "ver", "at_hash", "c_hash", "email");
            w.WriteString("kerberos_endpoint", $"{baseUrl}/kerberos");
            if (tenant is null) w.WriteNull("tenant_region_scope");
            else w.WriteString("tenant_region_scope", TenantRegion.Of(tenant.CountryLetterCode));
            w.WriteString("cloud_instance_name", "microsoftonline.com");
            w.WriteString("cloud_graph_host_name", "graph.windows.net");
            // FakeEntra serves the Graph API itself, so Graph's host is its own.
            w.WriteString("msgraph_host", new Uri(origin).Authority);
            w.WriteString("rbac_url", "https://pas.windows.net");
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void Array(Utf8JsonWriter writer, string name, params string[] values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values) writer.WriteStringValue(value);
        writer.WriteEndArray();
    }
}
