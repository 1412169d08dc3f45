using System.Text.Json.Nodes;
using FakeEntra.Core.CrossTenantAccess;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Errors;
using FakeEntra.Server.CrossTenant;

namespace FakeEntra.Server.Graph;

/// <summary>The facts a what-if names.</summary>
public sealed record WhatIfRequest
{
    public required string UserPrincipalName { get; init; }
    public required Guid ResourceAppId { get; init; }
    public Guid? ClientAppId { get; init; }
    public bool MfaDone { get; init; }
    public Guid? DeviceId { get; init; }
    /// <summary>The tenant-restrictions header's value, <c>{tenantId}:{policyId}</c>.</summary>
    public string? TenantRestrictionsPolicy { get; init; }
    public bool Interactive { get; init; }
}

/// <summary>What the gate would decide, in Graph's JSON (<c>fakeEntra.whatIfResult</c>).</summary>
public sealed record WhatIfResult(bool Allowed, WhatIfError? Error, string? Challenge, string CrossTenantAccessType, string UserType, string ConditionalAccessStatus,
    IReadOnlyList<AppliedConditionalAccessPolicy> AppliedConditionalAccessPolicies, bool IsTenantRestricted, IReadOnlyList<string> Trace);

public sealed record WhatIfError(string Code, string Error, string Message);

/// <summary>
/// The decision a sign-in to the caller's tenant would get, with its trace, without signing anyone in or writing a log —
/// "why was this refused?". Behind <c>POST /fakeentra/whatIf</c> and the admin console's what-if form.
/// </summary>
public sealed class WhatIf(GraphContext g)
{
    /// <summary>Who may ask: those who may read the policies the answer reveals.</summary>
    public static GraphPermission Permission => GraphPermission.ReadPolicies;

    public WhatIfResult Decide(GraphCaller caller, JsonObject body)
    {
        caller.Require(Permission);
        var request = GraphResources.WhatIfRequest.Create<WhatIfRequest>(body);
        var directory = g.Directory;
        var (home, user) = directory.FindUserByPrincipalName(request.UserPrincipalName) is { User.IsGuest: false } found
            ? found
            : throw GraphException.BadRequest($"No member user '{request.UserPrincipalName}' in this world.", "userPrincipalName");
        var resourceApp = directory.FindApplication(request.ResourceAppId) ?? throw GraphException.BadRequest($"No application '{request.ResourceAppId}'.", "resourceAppId");
        var clientApp = request.ClientAppId is { } clientId
            ? directory.FindApplication(clientId) ?? throw GraphException.BadRequest($"No application '{clientId}'.", "clientAppId")
            : resourceApp;
        var device = request.DeviceId is { } deviceId
            ? home.Devices.FirstOrDefault(d => d.DeviceId == deviceId) ?? throw GraphException.BadRequest($"No device '{deviceId}' in {home.Organization.DisplayName}.", "deviceId")
            : null;
        TenantDirectory? enforcing;
        try
        {
            enforcing = SignInInputs.EnforcingTenant(request.TenantRestrictionsPolicy, directory);
        }
        catch (AadException e)
        {
            throw GraphException.BadRequest(e.Error.Message, "tenantRestrictionsPolicy");
        }
        var decision = CrossTenantGate.Decide(new GateRequest
        {
            Issuance = g.Issuance(),
            Home = home,
            HomeUser = user,
            Resource = caller.Tenant,
            Client = clientApp,
            ResourceApp = resourceApp,
            MfaAtHome = request.MfaDone,
            MfaAtResource = request.MfaDone,
            Device = device,
            DeviceKnown = request.DeviceId is not null || !request.Interactive,
            EnforcingTenant = enforcing,
            Interactive = request.Interactive,
        });
        return new WhatIfResult(
            decision.Allowed,
            decision.Error is { } error ? new WhatIfError($"AADSTS{error.Code}", error.Error, error.Message) : null,
            decision.Challenge == SignInChallenge.None ? null : decision.Challenge.ToString(),
            decision.CrossTenantAccessType,
            decision.UserType,
            decision.ConditionalAccessStatus,
            decision.AppliedConditionalAccessPolicies,
            decision.IsTenantRestricted,
            decision.Trace);
    }
}
