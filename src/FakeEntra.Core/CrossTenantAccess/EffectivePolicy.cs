using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace FakeEntra.Core.CrossTenantAccess;

/// <summary>A tenant's settings toward one partner: the partner's configuration where it has one, the default otherwise (per member).</summary>
public sealed record EffectivePolicy(CrossTenantAccessPolicyConfigurationDefault Default, CrossTenantAccessPolicyConfigurationPartner? Partner)
{
    // Partner lists are immutable (a change makes a new list), so each list's index is built once and dies with it: a decision
    // costs the same with 10 partner configurations as with 10,000.
    private static readonly ConditionalWeakTable<IReadOnlyList<CrossTenantAccessPolicyConfigurationPartner>, FrozenDictionary<Guid, CrossTenantAccessPolicyConfigurationPartner>> Indexes = new();

    public static EffectivePolicy Toward(CrossTenantAccessPolicy policy, Guid partnerTenantId) =>
        new(policy.Default, Indexes.GetValue(policy.Partners, Index).GetValueOrDefault(partnerTenantId));

    // Validation keeps one configuration per partner; should a list hold two, the first wins, as the scan this replaces did.
    private static FrozenDictionary<Guid, CrossTenantAccessPolicyConfigurationPartner> Index(IReadOnlyList<CrossTenantAccessPolicyConfigurationPartner> partners) =>
        partners.DistinctBy(p => p.TenantId).ToFrozenDictionary(p => p.TenantId);

    public (CrossTenantAccessPolicyB2BSetting Setting, string Source) B2bDirectConnectInbound => Pick(Partner?.B2bDirectConnectInbound, Default.B2bDirectConnectInbound);
    public (CrossTenantAccessPolicyB2BSetting Setting, string Source) B2bDirectConnectOutbound => Pick(Partner?.B2bDirectConnectOutbound, Default.B2bDirectConnectOutbound);
    public (CrossTenantAccessPolicyB2BSetting Setting, string Source) B2bCollaborationInbound => Pick(Partner?.B2bCollaborationInbound, Default.B2bCollaborationInbound);
    public (CrossTenantAccessPolicyB2BSetting Setting, string Source) B2bCollaborationOutbound => Pick(Partner?.B2bCollaborationOutbound, Default.B2bCollaborationOutbound);
    public (CrossTenantAccessPolicyB2BSetting Setting, string Source) TenantRestrictions => Pick(Partner?.TenantRestrictions, Default.TenantRestrictions);
    public (CrossTenantAccessPolicyInboundTrust Trust, string Source) InboundTrust =>
        Partner?.InboundTrust is { } trust ? (trust, "partner setting") : (Default.InboundTrust, Partner is null ? "default (no partner setting)" : "default (partner inherits)");

    private (CrossTenantAccessPolicyB2BSetting, string) Pick(CrossTenantAccessPolicyB2BSetting? partner, CrossTenantAccessPolicyB2BSetting fallback) =>
        partner is not null ? (partner, "partner setting") : (fallback, Partner is null ? "default (no partner setting)" : "default (partner inherits)");
}
