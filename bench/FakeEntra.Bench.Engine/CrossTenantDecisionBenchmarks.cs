using BenchmarkDotNet.Attributes;
using FakeEntra.Core.CrossTenantAccess;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Scenarios;

namespace FakeEntra.Bench.Engine;

/// <summary>
/// bob@fabrikam.com → Contoso's Shared Channels API over B2B direct connect (the seed's Example 2: Contoso admits only
/// Fabrikam's Marketing group), in the default world grown by <see cref="Partners"/> partner configurations at Contoso and
/// Fabrikam (Fabrikam's own is listed last) and <see cref="Groups"/> groups bob belongs to (Marketing last).
/// </summary>
[MemoryDiagnoser]
public class CrossTenantDecisionBenchmarks
{
    private static readonly Guid Contoso = new("6a89cd33-4bf7-4174-9b3b-8ed777182b4e");
    private static readonly Guid Fabrikam = new("641fb213-6aa7-422e-9fea-915a8e22bf84");
    private static readonly Guid SharedChannelsApi = new("fcac6b54-23d1-4161-ab28-3ab64be2a67d");
    private static readonly Guid Client = new("13e7214c-6687-4074-86ae-bf38154aaef1");
    private SignInFacts _facts = null!;

    [Params(10, 100, 1_000, 10_000)]
    public int Partners { get; set; }

    [Params(1, 10, 100, 1_000)]
    public int Groups { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var tenants = ScenarioPreparer.Prepare(ScenarioLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "scenarios", "default.json")));
        var bob = tenants.Single(t => t.Id == Fabrikam).Users.Single(u => u.UserPrincipalName == "bob@fabrikam.com");
        var marketing = tenants.Single(t => t.Id == Fabrikam).Groups.Single(g => g.DisplayName == "Marketing");
        var world = new DirectorySnapshot(tenants.Select(t => t.Id == Contoso ? Grown(t, OnlyMarketing(t, marketing.Id))
            : t.Id == Fabrikam ? Grown(t, t.CrossTenantAccessPolicy) with { Groups = [.. BobsGroups(bob.Id), .. t.Groups] }
            : t));
        _facts = SignInFactsBuilder.For(world, world.FindTenant(Fabrikam)!, bob, world.FindTenant(Contoso)!, world.FindApplication(SharedChannelsApi)!,
            world.FindApplication(Client)!) with
        { MfaAtHome = true, PrivacyConsentGiven = true };
        var decision = CrossTenantAccessEvaluator.Evaluate(_facts);
        if (decision.Error is not null || decision.CrossTenantAccessType != CrossTenantAccessTypeValues.B2BDirectConnect)
            throw new InvalidOperationException($"bob should be admitted over direct connect: {string.Join('\n', decision.Trace)}");
    }

    [Benchmark]
    public AccessDecision Decide() => CrossTenantAccessEvaluator.Evaluate(_facts);

    // Example 2: Contoso's Fabrikam partner admits inbound direct connect for Marketing only.
    private static CrossTenantAccessPolicy OnlyMarketing(TenantDirectory contoso, Guid marketing)
    {
        var policy = contoso.CrossTenantAccessPolicy;
        var fabrikam = policy.Partners.Single(p => p.TenantId == Fabrikam);
        var inbound = fabrikam.B2bDirectConnectInbound! with
        {
            UsersAndGroups = new CrossTenantAccessPolicyTargetConfiguration
            {
                AccessType = CrossTenantAccessTypes.Allowed,
                Targets = [new CrossTenantAccessPolicyTarget { Target = marketing.ToString(), TargetType = CrossTenantAccessTargetTypes.Group }],
            },
        };
        return policy with { Partners = [.. policy.Partners.Where(p => p != fabrikam), fabrikam with { B2bDirectConnectInbound = inbound }] };
    }

    // Other organizations' configurations first, so that a scan would meet the partner asked for last.
    private TenantDirectory Grown(TenantDirectory tenant, CrossTenantAccessPolicy policy)
    {
        var others = Enumerable.Range(0, Partners - policy.Partners.Count).Select(i => new CrossTenantAccessPolicyConfigurationPartner
        {
            TenantId = StableGuid.From("bench partner", tenant.Id, i),
        });
        return tenant with { CrossTenantAccessPolicy = policy with { Partners = [.. others, .. policy.Partners] } };
    }

    private IEnumerable<Group> BobsGroups(Guid bob) => Enumerable.Range(0, Groups - 1).Select(i => new Group
    {
        Id = StableGuid.From("bench group", i),
        DisplayName = $"Bench group {i}",
        Members = [bob],
    });
}
