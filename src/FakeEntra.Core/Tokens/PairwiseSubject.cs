using System.Security.Cryptography;
using System.Text;
using B64 = System.Buffers.Text.Base64Url;

namespace FakeEntra.Core.Tokens;

/// <summary>Entra's pairwise <c>sub</c>: the same user gets a different, stable value per app and tenant.</summary>
public static class PairwiseSubject
{
    public static string For(Guid appId, Guid tenantId, Guid objectId) =>
        B64.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes($"sub|{appId:D}|{tenantId:D}|{objectId:D}")));
}
