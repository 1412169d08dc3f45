namespace FakeEntra.Core.CrossTenantAccess;

/// <summary>A tenant's settings toward one partner: the partner's configuration where it has one, the default otherwise (per member).</summary>
public sealed record EffectivePolicy(CrossTenantAccessPolicyConfigurationDefault Default, CrossTenantAccessPolicyConfigurationPartner? Partner)
{
    public static EffectivePolicy Toward(CrossTenantAccessPolicy policy, Guid partnerTenantId) =>
        new(policy.Default, policy.Partners.FirstOrDefault(p => p.TenantId == partnerTenantId));

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
