using System.Text;
using B64 = System.Buffers.Text.Base64Url;

namespace FakeEntra.Core.Tokens;

/// <summary>MSAL's <c>client_info</c>: base64url of <c>{"uid":home oid,"utid":home tid}</c>; MSAL keys accounts by it.</summary>
public static class ClientInfo
{
    public static string Encode(Guid homeObjectId, Guid homeTenantId) =>
        B64.EncodeToString(Encoding.UTF8.GetBytes($"{{\"uid\":\"{homeObjectId:D}\",\"utid\":\"{homeTenantId:D}\"}}"));
}
