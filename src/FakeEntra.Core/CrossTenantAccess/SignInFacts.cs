using FakeEntra.Core.DirectoryObjects;

namespace FakeEntra.Core.CrossTenantAccess;

/// <summary>What is known about one sign-in when the resource tenant decides whether to issue a token.</summary>
public sealed record SignInFacts
{
    public required TenantDirectory HomeTenant { get; init; }
    public required TenantDirectory ResourceTenant { get; init; }
    /// <summary>The user's account in their home directory (where the password and MFA were checked).</summary>
    public required User HomeUser { get; init; }
    /// <summary>The user's groups at home, transitively; cross-tenant targets name them.</summary>
    public IReadOnlySet<Guid> HomeGroups { get; init; } = new HashSet<Guid>();
    /// <summary>The user's B2B collaboration guest object in the resource tenant, if they were invited.</summary>
    public User? GuestUser { get; init; }
    /// <summary>Groups and directory roles of the user's object in the resource tenant (member or guest), for Conditional Access.</summary>
    public IReadOnlySet<Guid> ResourceGroups { get; init; } = new HashSet<Guid>();
    public IReadOnlyList<Guid> ResourceRoles { get; init; } = [];
    public required Application ResourceApp { get; init; }
    public required Application ClientApp { get; init; }
    /// <summary>MFA completed in the home tenant during this sign-in (or its session).</summary>
    public bool MfaAtHome { get; init; }
    /// <summary>MFA completed in the resource tenant (what a B2B collaboration guest does without MFA trust).</summary>
    public bool MfaAtResource { get; init; }
    /// <summary>The home account has an MFA method to complete MFA with.</summary>
    public bool HasMfaMethod { get; init; }
    /// <summary>The home tenant's device the sign-in comes from, if any.</summary>
    public Device? Device { get; init; }
    /// <summary>Whether the device question was answered (a browser sign-in asks it once; grants give it as a parameter).</summary>
    public bool DeviceKnown { get; init; }
    /// <summary>The tenant whose tenant-restrictions (v2) policy a device or network attached to the request.</summary>
    public TenantDirectory? EnforcingTenant { get; init; }
    /// <summary>A person is at a browser who can be asked for MFA or a device; otherwise such needs are errors.</summary>
    public bool Interactive { get; init; }
    /// <summary>The user accepted the resource organization's privacy statement (needed once for B2B direct connect).</summary>
    public bool PrivacyConsentGiven { get; init; }

    public bool IsCrossTenant => HomeTenant.Id != ResourceTenant.Id;
}
