using System.Text.RegularExpressions;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Errors;

namespace FakeEntra.Core.Tenancy;

/// <summary>What the <c>{tenant}</c> segment of a request path names.</summary>
public sealed record TenantPath
{
    public required string Segment { get; init; }
    /// <summary>The tenant, or null for the <c>common</c> and <c>organizations</c> aliases.</summary>
    public Organization? Tenant { get; init; }

    public bool IsAlias => Tenant is null;
}

public static partial class TenantPathResolver
{
    public const string Common = "common";
    public const string Organizations = "organizations";

    /// <summary>GUID, verified domain, <c>common</c> or <c>organizations</c>; anything else is an AADSTS error.</summary>
    public static TenantPath Resolve(string segment, DirectorySnapshot directory)
    {
        if (segment.Equals(Common, StringComparison.OrdinalIgnoreCase) || segment.Equals(Organizations, StringComparison.OrdinalIgnoreCase))
            return new() { Segment = segment.ToLowerInvariant() };

        if (Guid.TryParse(segment, out var id))
            return new() { Segment = segment, Tenant = directory.FindTenant(id)?.Organization ?? throw new AadException(AadErrors.TenantNotFound(segment)) };

        if (!IsDnsName(segment))
            throw new AadException(AadErrors.TenantIdentifierInvalid(segment));

        return new() { Segment = segment, Tenant = directory.FindTenantByDomain(segment)?.Organization ?? throw new AadException(AadErrors.TenantNotFound(segment)) };
    }

    public static bool IsDnsName(string value) => DnsName().IsMatch(value);

    [GeneratedRegex(@"^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$")]
    private static partial Regex DnsName();
}
