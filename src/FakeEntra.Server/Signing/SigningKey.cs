using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;
using B64 = System.Buffers.Text.Base64Url;

namespace FakeEntra.Server.Signing;

/// <summary>An RSA signing key with its self-signed certificate, named as Entra names keys: <c>kid</c> = <c>x5t</c>.</summary>
public sealed class SigningKey
{
    public SigningKey(X509Certificate2 certificate, RSA rsa)
    {
        Certificate = certificate;
        KeyId = B64.EncodeToString(certificate.GetCertHash(HashAlgorithmName.SHA1));
        SecurityKey = new RsaSecurityKey(rsa) { KeyId = KeyId };
        Credentials = new SigningCredentials(SecurityKey, SecurityAlgorithms.RsaSha256);
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        Modulus = B64.EncodeToString(parameters.Modulus);
        Exponent = B64.EncodeToString(parameters.Exponent);
    }

    public X509Certificate2 Certificate { get; }
    public string KeyId { get; }
    public RsaSecurityKey SecurityKey { get; }
    public SigningCredentials Credentials { get; }
    public string Modulus { get; }
    public string Exponent { get; }

    /// <summary>A new key with a five-year certificate named like Entra's own signing certificates.</summary>
    public static (SigningKey Key, byte[] Certificate, byte[] PrivateKey) Create()
    {
        var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=accounts.accesscontrol.windows.net", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        var der = certificate.Export(X509ContentType.Cert);
        return (new SigningKey(X509CertificateLoader.LoadCertificate(der), rsa), der, rsa.ExportPkcs8PrivateKey());
    }

    public static SigningKey Load(byte[] certificate, byte[] privateKey)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(privateKey, out _);
        return new SigningKey(X509CertificateLoader.LoadCertificate(certificate), rsa);
    }
}
