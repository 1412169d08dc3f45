using System.Security.Cryptography;
using System.Text;

namespace FakeEntra.Core.Scenarios;

/// <summary>Name-based GUIDs, so that ids a scenario leaves out come out the same on every seed.</summary>
public static class StableGuid
{
    public static Guid From(params object[] parts)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts)));
        var guid = bytes.AsSpan(0, 16).ToArray();
        guid[7] = (byte)((guid[7] & 0x0F) | 0x50); // version 5 layout (name-based)
        guid[8] = (byte)((guid[8] & 0x3F) | 0x80);
        return new Guid(guid);
    }
}
