using FakeEntra.Core.CrossTenantAccess;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Scenarios;

namespace FakeEntra.Core.Tests;

/// <summary>The outcome table of the default world (docs/default-world.md), Example 2, trust withdrawn and tenant restrictions.</summary>
public class CrossTenantDecisionTests
{
    internal static readonly DirectorySnapshot World =
        new(ScenarioPreparer.Prepare(ScenarioLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "scenarios", "default.json"))));

    internal static readonly Guid Contoso = new("6a89cd33-4bf7-4174-9b3b-8ed777182b4e");
    internal static readonly Guid Fabrikam = new("641fb213-6aa7-422e-9fea-915a8e22bf84");
    internal static readonly Guid Northwind = new("58f608f4-ae3a-4c65-bf23-69c7099a405c");
    internal const string SharedChannelsApi = "fcac6b54-23d1-4161-ab28-3ab64be2a67d";
    internal const string FilesApi = "b6c7cace-ed66-497d-814d-480a90eb0bac";
    internal const string Client = "13e7214c-6687-4074-86ae-bf38154aaef1";

    internal static SignInFacts Facts(DirectorySnapshot world, string upn, Guid resourceTenant, string resourceApp,
        bool mfa = false, string? device = null, bool interactive = false, Guid? enforcing = null, bool consented = true)
    {
        var (home, user) = world.FindUserByPrincipalName(upn)!.Value;
        var facts = SignInFactsBuilder.For(world, home, user, world.FindTenant(resourceTenant)!, world.FindApplication(new Guid(resourceApp))!, world.FindApplication(new Guid(Client))!);
        return facts with
        {
            MfaAtHome = mfa,
            Device = device is null ? null : home.Devices.Single(d => d.DisplayName == device),
            DeviceKnown = !interactive || device is not null,
            Interactive = interactive,
            EnforcingTenant = enforcing is { } e ? world.FindTenant(e) : null,
            // The outcome table assumes the users accepted Contoso's privacy statement at an earlier sign-in.
            PrivacyConsentGiven = consented,
        };
    }

    // # | who → resource | MFA | device | interactive | outcome (error code, or 0 and the access type / challenge)
    public static TheoryData<string, string, string, bool, string?, bool, int, string> OutcomeTable => new()
    {
        { "1 alice, member", "alice@contoso.com", SharedChannelsApi, false, null, false, 0, "none" },
        { "2 bob with home MFA", "bob@fabrikam.com", SharedChannelsApi, true, null, false, 0, "b2bDirectConnect" },
        { "3 bob without MFA, interactive", "bob@fabrikam.com", SharedChannelsApi, false, null, true, 0, "MfaAtHome" },
        { "3 bob without MFA, non-interactive", "bob@fabrikam.com", SharedChannelsApi, false, null, false, 50076, "" },
        { "4 carol, no MFA method", "carol@fabrikam.com", SharedChannelsApi, false, null, true, 50079, "" },
        { "5 dan, Contoso inbound blocks Northwind", "dan@northwind.com", SharedChannelsApi, true, null, false, 500213, "" },
        { "6 eve, Litware outbound blocks Contoso", "eve@litware.com", SharedChannelsApi, true, null, false, 500212, "" },
        { "7 bob on the compliant laptop", "bob@fabrikam.com", FilesApi, false, "FAB-LAPTOP-01", false, 0, "b2bDirectConnect" },
        { "8 bob on the hybrid-joined desktop", "bob@fabrikam.com", FilesApi, false, "FAB-DESKTOP-02", false, 53000, "" },
        { "9 bob on no device", "bob@fabrikam.com", FilesApi, false, null, false, 53000, "" },
        { "9 bob, interactive, device not yet named", "bob@fabrikam.com", FilesApi, false, null, true, 0, "Device" },
        { "10 grace, guest, MFA not trusted, interactive", "grace@northwind.com", SharedChannelsApi, true, null, true, 0, "MfaAtResource" },
        { "10 grace, guest, non-interactive", "grace@northwind.com", SharedChannelsApi, true, null, false, 50076, "" },
    };

    [Theory]
    [MemberData(nameof(OutcomeTable))]
    public void The_default_world_decides_as_documented(string row, string upn, string app, bool mfa, string? device, bool interactive, int code, string expected)
    {
        var decision = CrossTenantAccessEvaluator.Evaluate(Facts(World, upn, Contoso, app, mfa, device, interactive));
        Assert.True(code == (decision.Error?.Code ?? 0), $"{row}: {string.Join(" | ", decision.Trace)}");
        if (code != 0) return;
        if (decision.Challenge != SignInChallenge.None) Assert.Equal(expected, decision.Challenge.ToString());
        else Assert.Equal(expected, decision.CrossTenantAccessType);
    }

    [Fact]
    public void Grace_as_a_guest_is_b2b_collaboration_and_allowed_after_mfa_in_contoso()
    {
        var decision = CrossTenantAccessEvaluator.Evaluate(Facts(World, "grace@northwind.com", Contoso, SharedChannelsApi) with { MfaAtResource = true });
        Assert.True(decision.Allowed, string.Join(" | ", decision.Trace));
        Assert.Equal("b2bCollaboration", decision.CrossTenantAccessType);
        Assert.Equal("guest", decision.UserType);
    }

    [Fact]
    public void Conditional_access_results_are_recorded_per_policy()
    {
        var decision = CrossTenantAccessEvaluator.Evaluate(Facts(World, "bob@fabrikam.com", Contoso, SharedChannelsApi, mfa: true));
        var mfaPolicy = decision.AppliedConditionalAccessPolicies.Single(p => p.Id == new Guid("f9220e94-c1f8-43e0-a8a9-6b9d3c67a26d"));
        Assert.Equal(("success", "Require multifactor authentication"), (mfaPolicy.Result, mfaPolicy.EnforcedGrantControls.Single()));
        Assert.Equal("notApplied", decision.AppliedConditionalAccessPolicies.Single(p => p.Id == new Guid("6c553977-4803-411b-9c48-84a8de31e8f7")).Result);
        Assert.Equal("success", decision.ConditionalAccessStatus);

        var member = CrossTenantAccessEvaluator.Evaluate(Facts(World, "alice@contoso.com", Contoso, SharedChannelsApi));
        Assert.Equal("notApplied", member.ConditionalAccessStatus);
    }

    [Fact]
    public void A_first_direct_connect_sign_in_asks_for_privacy_consent_or_is_AADSTS65001_without_pages()
    {
        var interactive = CrossTenantAccessEvaluator.Evaluate(Facts(World, "bob@fabrikam.com", Contoso, SharedChannelsApi, mfa: true, interactive: true, consented: false));
        Assert.Equal(SignInChallenge.PrivacyConsent, interactive.Challenge);
        var grant = CrossTenantAccessEvaluator.Evaluate(Facts(World, "bob@fabrikam.com", Contoso, SharedChannelsApi, mfa: true, consented: false));
        Assert.Equal(65001, grant.Error?.Code);
        // Members and guests have no such step.
        Assert.True(CrossTenantAccessEvaluator.Evaluate(Facts(World, "alice@contoso.com", Contoso, SharedChannelsApi, consented: false)).Allowed);
    }

    [Fact]
    public void An_app_not_enabled_for_direct_connect_is_AADSTS50020()
    {
        var facts = Facts(World, "bob@fabrikam.com", Contoso, SharedChannelsApi, mfa: true);
        var plain = facts with { ResourceApp = facts.ResourceApp with { Tags = [] } };
        Assert.Equal(50020, CrossTenantAccessEvaluator.Evaluate(plain).Error?.Code);
    }

    [Fact]
    public void Example_2_only_the_marketing_group_gets_in()
    {
        var world = WithContosoPartner(World, p => p with
        {
            B2bDirectConnectInbound = p.B2bDirectConnectInbound! with
            {
                UsersAndGroups = new() { AccessType = "allowed", Targets = [new() { Target = "4b482ed1-2c44-46a5-a281-3faa7928b39f", TargetType = "group" }] },
            },
        });
        Assert.True(CrossTenantAccessEvaluator.Evaluate(Facts(world, "bob@fabrikam.com", Contoso, SharedChannelsApi, mfa: true)).Allowed);
        Assert.Equal(500213, CrossTenantAccessEvaluator.Evaluate(Facts(world, "carol@fabrikam.com", Contoso, SharedChannelsApi, mfa: true)).Error?.Code);
    }

    [Fact]
    public void Trust_withdrawn_blocks_bob_even_after_home_mfa()
    {
        var world = WithContosoPartner(World, p => p with { InboundTrust = p.InboundTrust! with { IsMfaAccepted = false } });
        Assert.Equal(90072, CrossTenantAccessEvaluator.Evaluate(Facts(world, "bob@fabrikam.com", Contoso, SharedChannelsApi, mfa: true)).Error?.Code);
    }

    [Fact]
    public void Tenant_restrictions_of_fabrikam_allow_contoso_accounts_and_block_northwind_ones()
    {
        var alice = CrossTenantAccessEvaluator.Evaluate(Facts(World, "alice@contoso.com", Contoso, SharedChannelsApi, enforcing: Fabrikam));
        Assert.True(alice.Allowed, string.Join(" | ", alice.Trace));
        Assert.True(alice.IsTenantRestricted);

        var northwindApp = World.FindApplication(FirstPartyApplications.MicrosoftGraphAppId)!;
        var (home, dan) = World.FindUserByPrincipalName("dan@northwind.com")!.Value;
        var facts = SignInFactsBuilder.For(World, home, dan, home, northwindApp, World.FindApplication(new Guid(Client))!) with { EnforcingTenant = World.FindTenant(Fabrikam) };
        Assert.Equal(5000211, CrossTenantAccessEvaluator.Evaluate(facts).Error?.Code);

        var bob = CrossTenantAccessEvaluator.Evaluate(Facts(World, "bob@fabrikam.com", Contoso, SharedChannelsApi, mfa: true, enforcing: Fabrikam));
        Assert.True(bob.Allowed);
        Assert.False(bob.IsTenantRestricted);
    }

    [Fact]
    public void The_trace_names_every_rule_consulted_in_order()
    {
        var trace = CrossTenantAccessEvaluator.Evaluate(Facts(World, "bob@fabrikam.com", Contoso, SharedChannelsApi, mfa: true, enforcing: Fabrikam)).Trace;
        var order = new[] { "Tenant restrictions", "Fabrikam outbound", "Contoso inbound", "inbound trust", "Conditional Access", "Allowed" };
        var positions = order.Select(o => trace.ToList().FindIndex(t => t.Contains(o, StringComparison.Ordinal))).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, string.Join(" | ", trace)));
        Assert.Equal(positions.Order(), positions);
    }

    internal static DirectorySnapshot WithContosoPartner(DirectorySnapshot world, Func<CrossTenantAccessPolicyConfigurationPartner, CrossTenantAccessPolicyConfigurationPartner> change) =>
        new(world.Tenants.Select(t => t.Id != Contoso ? t : t with
        {
            CrossTenantAccessPolicy = t.CrossTenantAccessPolicy with
            {
                Partners = [.. t.CrossTenantAccessPolicy.Partners.Select(p => p.TenantId == Fabrikam ? change(p) : p)],
            },
        }));
}
