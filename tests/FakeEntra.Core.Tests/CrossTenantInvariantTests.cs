using FakeEntra.Core.CrossTenantAccess;
using FakeEntra.Core.DirectoryObjects;
using static FakeEntra.Core.Tests.CrossTenantDecisionTests;

namespace FakeEntra.Core.Tests;

/// <summary>Properties of the decision over generated combinations of both tenants' settings and the sign-in's facts.</summary>
public class CrossTenantInvariantTests
{
    private const string Bob = "04f2f0f9-8fbd-4f23-b9cd-dd1c05b7fcc0";
    private const string Marketing = "4b482ed1-2c44-46a5-a281-3faa7928b39f";
    private static readonly string[] UserTargets = ["AllUsers", Bob, Marketing, "00000000-0000-0000-0000-00000000beef"];
    private static readonly string[] AppTargets = ["AllApplications", SharedChannelsApi, "00000000-0000-0000-0000-00000000f00d"];

    public sealed record Case(
        CrossTenantAccessPolicyB2BSetting Outbound, bool OutboundOnPartner,
        CrossTenantAccessPolicyB2BSetting Inbound, bool InboundOnPartner,
        CrossTenantAccessPolicyInboundTrust Trust, bool Mfa, string User);

    public static IEnumerable<object[]> Cases()
    {
        var random = new Random(20261127);
        for (var i = 0; i < 400; i++)
            yield return [new Case(Setting(random), random.Next(2) == 0, Setting(random), random.Next(2) == 0,
                new CrossTenantAccessPolicyInboundTrust { IsMfaAccepted = random.Next(2) == 0, IsCompliantDeviceAccepted = random.Next(2) == 0 },
                random.Next(2) == 0, random.Next(2) == 0 ? "bob@fabrikam.com" : "carol@fabrikam.com")];
    }

    private static CrossTenantAccessPolicyB2BSetting Setting(Random random) => new()
    {
        UsersAndGroups = new() { AccessType = random.Next(2) == 0 ? "allowed" : "blocked", Targets = [new() { Target = UserTargets[random.Next(UserTargets.Length)], TargetType = "user" }] },
        Applications = new() { AccessType = random.Next(2) == 0 ? "allowed" : "blocked", Targets = [new() { Target = AppTargets[random.Next(AppTargets.Length)], TargetType = "application" }] },
    };

    private static CrossTenantAccessPolicyB2BSetting Fix(CrossTenantAccessPolicyB2BSetting setting) => setting with
    {
        // Group targets are typed "group"; the generator picks the id, this gives it its type.
        UsersAndGroups = setting.UsersAndGroups with { Targets = [.. setting.UsersAndGroups.Targets.Select(t => t with { TargetType = t.Target == Marketing ? "group" : "user" })] },
    };

    private static DirectorySnapshot WorldFor(Case c) => new(World.Tenants.Select(t =>
        t.Id == Fabrikam ? Place(t, Contoso, Fix(c.Outbound), c.OutboundOnPartner, outbound: true, trust: null)
        : t.Id == Contoso ? Place(t, Fabrikam, Fix(c.Inbound), c.InboundOnPartner, outbound: false, trust: c.Trust)
        : t));

    private static TenantDirectory Place(TenantDirectory tenant, Guid partner, CrossTenantAccessPolicyB2BSetting setting, bool onPartner, bool outbound, CrossTenantAccessPolicyInboundTrust? trust)
    {
        var policy = tenant.CrossTenantAccessPolicy;
        var others = policy.Partners.Where(p => p.TenantId != partner);
        var existing = policy.Partners.FirstOrDefault(p => p.TenantId == partner) ?? new() { TenantId = partner };
        var cleared = existing with
        {
            B2bDirectConnectOutbound = outbound ? (onPartner ? setting : null) : existing.B2bDirectConnectOutbound,
            B2bDirectConnectInbound = outbound ? existing.B2bDirectConnectInbound : (onPartner ? setting : null),
            InboundTrust = trust ?? existing.InboundTrust,
        };
        var defaults = onPartner ? policy.Default
            : outbound ? policy.Default with { B2bDirectConnectOutbound = setting } : policy.Default with { B2bDirectConnectInbound = setting };
        return tenant with { CrossTenantAccessPolicy = policy with { Default = defaults, Partners = [.. others, cleared] } };
    }

    private static bool Admits(CrossTenantAccessPolicyB2BSetting setting, SignInFacts facts) =>
        TargetMatching.Admits(Fix(setting), facts.HomeUser.Id, facts.HomeGroups, facts.ResourceApp);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Never_allowed_when_either_side_blocks_the_user_or_the_app(Case c)
    {
        var facts = Facts(WorldFor(c), c.User, Contoso, SharedChannelsApi, mfa: c.Mfa);
        var decision = CrossTenantAccessEvaluator.Evaluate(facts);
        if (!Admits(c.Outbound, facts)) Assert.Equal(500212, decision.Error?.Code);
        else if (!Admits(c.Inbound, facts)) Assert.Equal(500213, decision.Error?.Code);
        else Assert.NotEqual(500212, decision.Error?.Code);
        if (decision.Allowed) Assert.True(Admits(c.Outbound, facts) && Admits(c.Inbound, facts));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Trust_never_grants_access_by_itself(Case c)
    {
        var trusting = c with { Trust = new() { IsMfaAccepted = true, IsCompliantDeviceAccepted = true, IsHybridAzureADJoinedDeviceAccepted = true } };
        var distrusting = c with { Trust = new() };
        var withTrust = CrossTenantAccessEvaluator.Evaluate(Facts(WorldFor(trusting), c.User, Contoso, SharedChannelsApi, mfa: c.Mfa));
        var without = CrossTenantAccessEvaluator.Evaluate(Facts(WorldFor(distrusting), c.User, Contoso, SharedChannelsApi, mfa: c.Mfa));
        if (withTrust.Error?.Code is 500212 or 500213) Assert.Equal(withTrust.Error.Code, without.Error?.Code);
        if (without.Allowed) Assert.True(withTrust.Allowed);
        // Trust changes only how Conditional Access is met: never the verdict of the access settings themselves.
        Assert.Equal(withTrust.Error?.Code is 500212 or 500213, without.Error?.Code is 500212 or 500213);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_partner_setting_beats_the_default_and_a_null_member_inherits_it(Case c)
    {
        var world = WorldFor(c);
        var contoso = world.FindTenant(Contoso)!;
        var effective = EffectivePolicy.Toward(contoso.CrossTenantAccessPolicy, Fabrikam).B2bDirectConnectInbound;
        Assert.Equal(Json(Fix(c.Inbound)), Json(effective.Setting));
        Assert.Equal(c.InboundOnPartner ? "partner setting" : "default (partner inherits)", effective.Source);
        // Whatever the default says, an explicit partner member is what counts.
        if (c.InboundOnPartner)
        {
            var flippedDefault = contoso with
            {
                CrossTenantAccessPolicy = contoso.CrossTenantAccessPolicy with
                {
                    Default = contoso.CrossTenantAccessPolicy.Default with { B2bDirectConnectInbound = CrossTenantAccessPolicyB2BSetting.BlockAll },
                },
            };
            Assert.Equal(Json(Fix(c.Inbound)), Json(EffectivePolicy.Toward(flippedDefault.CrossTenantAccessPolicy, Fabrikam).B2bDirectConnectInbound.Setting));
        }
    }

    // Records compare their lists by reference; their JSON compares what they say.
    private static string Json(CrossTenantAccessPolicyB2BSetting setting) => System.Text.Json.JsonSerializer.Serialize(setting);

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_same_facts_always_give_the_same_decision(Case c)
    {
        var facts = Facts(WorldFor(c), c.User, Contoso, SharedChannelsApi, mfa: c.Mfa);
        var first = CrossTenantAccessEvaluator.Evaluate(facts);
        var second = CrossTenantAccessEvaluator.Evaluate(facts);
        Assert.Equal((first.Error?.Code, first.Challenge, first.CrossTenantAccessType), (second.Error?.Code, second.Challenge, second.CrossTenantAccessType));
        Assert.Equal(first.Trace, second.Trace);
    }
}
