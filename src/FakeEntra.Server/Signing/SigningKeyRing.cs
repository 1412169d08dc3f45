using FakeEntra.Server.Hosting;
using System.Text.Json;
using FakeEntra.Server.Storage;
using FakeEntra.Server.Storage.Rows;

namespace FakeEntra.Server.Signing;

/// <summary>
/// The one key set all tenants share, as in Entra; kept in the state file so tokens and cached JWKS stay valid across restarts.
/// </summary>
public sealed class SigningKeyRing
{
    private readonly IReadOnlyList<SigningKey> _keys;
    private (string Origin, byte[] Json)? _jwks;

    private SigningKeyRing(IReadOnlyList<SigningKey> keys) => _keys = keys;

    /// <summary>Every key a token of ours may be signed with.</summary>
    public IReadOnlyList<SigningKey> All => _keys;

    /// <summary>The key new tokens are signed with.</summary>
    public SigningKey Active => _keys[0];

    public static SigningKeyRing LoadOrCreate(StateStore store)
    {
        var stored = store.Sql(sql => sql.Read("""SELECT "Certificate", "PrivateKey" FROM "SigningKeys" ORDER BY "Created" DESC""",
            r => SigningKey.Load(r.GetFieldValue<byte[]>(0), r.GetFieldValue<byte[]>(1))));
        if (stored.Count > 0) return new(stored);
        var (key, certificate, privateKey) = SigningKey.Create();
        store.Append(new SigningKeyRow { Kid = key.KeyId, Certificate = certificate, PrivateKey = privateKey, Created = DateTime.UtcNow });
        return new([key]);
    }

    /// <summary>The JWKS document; each key carries the issuer template, which Microsoft.Identity.Web checks against the token's tid.</summary>
    public byte[] JsonWebKeySet(string origin)
    {
        if (_jwks is { } cached && cached.Origin == origin) return cached.Json;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Json.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("keys");
            foreach (var key in _keys)
            {
                writer.WriteStartObject();
                writer.WriteString("kty", "RSA");
                writer.WriteString("use", "sig");
                writer.WriteString("kid", key.KeyId);
                writer.WriteString("x5t", key.KeyId);
                writer.WriteString("n", key.Modulus);
                writer.WriteString("e", key.Exponent);
                writer.WriteStartArray("x5c");
                writer.WriteStringValue(Convert.ToBase64String(key.Certificate.RawData));
                writer.WriteEndArray();
                writer.WriteString("issuer", $"{origin}/{{tenantid}}/v2.0");
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        var json = buffer.ToArray();
        _jwks = (origin, json);
        return json;
    }
}
