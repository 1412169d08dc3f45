using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace FakeEntra.Server.Lockout;

public enum LockoutKind
{
    Password,
    OneTimeCode,
}

/// <summary>
/// Whose attempts a counter holds: one account from one source, for passwords or for one-time codes. Entra keeps separate
/// counters for familiar and unfamiliar locations; FakeEntra simplifies that to the client's address: an IPv4 address, or an
/// IPv6 /64 network (what one host usually gets, so rotating addresses within it does not reset the count).
/// </summary>
public readonly record struct LockoutKey(Guid UserId, UInt128 Source, LockoutKind Kind)
{
    public static LockoutKey For(Guid userId, IPAddress? client, LockoutKind kind) => new(userId, SourceOf(client), kind);

    private static UInt128 SourceOf(IPAddress? client)
    {
        if (client is null) return UInt128.Zero;
        if (client.IsIPv4MappedToIPv6) client = client.MapToIPv4();
        Span<byte> bytes = stackalloc byte[16];
        if (client.AddressFamily == AddressFamily.InterNetwork)
        {
            client.MapToIPv6().TryWriteBytes(bytes, out _);
            return BinaryPrimitives.ReadUInt128BigEndian(bytes);
        }
        client.TryWriteBytes(bytes, out _);
        return BinaryPrimitives.ReadUInt128BigEndian(bytes) & ~(UInt128)ulong.MaxValue;
    }
}
