namespace FakeEntra.Core.DirectoryObjects;

/// <summary>A tenant, in Graph's <c>organization</c> shape.</summary>
public sealed record Organization
{
    public required Guid Id { get; init; }
    public required string DisplayName { get; init; }
    public IReadOnlyList<VerifiedDomain> VerifiedDomains { get; init; } = [];
    /// <summary>Two-letter country; drives the discovery document's <c>tenant_region_scope</c>.</summary>
    public string CountryLetterCode { get; init; } = "US";
    public PrivacyProfile? PrivacyProfile { get; init; }

    public string DefaultDomain =>
        (VerifiedDomains.FirstOrDefault(d => d.IsDefault) ?? VerifiedDomains.FirstOrDefault())?.Name
        ?? throw new InvalidOperationException($"Tenant {Id} has no verified domain.");

    public string InitialDomain =>
        (VerifiedDomains.FirstOrDefault(d => d.IsInitial) ?? VerifiedDomains.FirstOrDefault())?.Name
        ?? throw new InvalidOperationException($"Tenant {Id} has no verified domain.");
}

public sealed record VerifiedDomain
{
    public required string Name { get; init; }
    public bool IsDefault { get; init; }
    public bool IsInitial { get; init; }
    public string Type { get; init; } = "Managed";
    public string Capabilities { get; init; } = "Email, OfficeCommunicationsOnline";
}

public sealed record PrivacyProfile
{
    public string? ContactEmail { get; init; }
    public string? StatementUrl { get; init; }
}
