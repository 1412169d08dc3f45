using System.Text.Json.Nodes;
using FakeEntra.Core.CrossTenantAccess;
using FakeEntra.Core.Errors;
using FakeEntra.Server.CrossTenant;
using FakeEntra.Server.Token;

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

/// <summary>
/// <c>POST /fakeentra/whatIf</c> (a FakeEntra extension): the decision a sign-in to the caller's tenant would get, with its
/// trace, without signing anyone in or writing a log — "why was this refused?".
/// </summary>
public static class WhatIfEndpoint
{
    public static IEndpointRouteBuilder MapWhatIf(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/fakeentra");
        group.AddEndpointFilter(GraphEndpoints.Errors);
        group.MapPost("/whatIf", async (HttpContext http, GraphContext g, TimeProvider clock, Hosting.PublicOrigin origin) =>
        {
            var caller = g.Caller(http, GraphPermission.ReadPolicies);
            var request = GraphResources.WhatIfRequest.Create<WhatIfRequest>(await GraphRequestBody.ReadObjectAsync(http.Request));
            var directory = g.Directory;
            var (home, user) = directory.FindUserByPrincipalName(request.UserPrincipalName) is { User.IsGuest: false } found
                ? found
                : throw GraphException.BadRequest($"No member user '{request.UserPrincipalName}' in this world.");
            var resourceApp = directory.FindApplication(request.ResourceAppId) ?? throw GraphException.BadRequest($"No application '{request.ResourceAppId}'.");
            var clientApp = request.ClientAppId is { } clientId ? directory.FindApplication(clientId) ?? throw GraphException.BadRequest($"No application '{clientId}'.") : resourceApp;
            var device = request.DeviceId is { } deviceId
                ? home.Devices.FirstOrDefault(d => d.DeviceId == deviceId) ?? throw GraphException.BadRequest($"No device '{deviceId}' in {home.Organization.DisplayName}.")
                : null;
            Core.DirectoryObjects.TenantDirectory? enforcing;
            try
            {
                enforcing = SignInInputs.EnforcingTenant(request.TenantRestrictionsPolicy, directory);
            }
            catch (AadException e)
            {
                throw GraphException.BadRequest(e.Error.Message);
            }
            var decision = CrossTenantGate.Decide(new GateRequest
            {
                Issuance = new Issuance(directory, origin.Value, clock.GetUtcNow()),
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
            return GraphJson.Ok(new
            {
                allowed = decision.Allowed,
                error = decision.Error is { } error ? new { code = $"AADSTS{error.Code}", error = error.Error, message = error.Message } : null,
                challenge = decision.Challenge == SignInChallenge.None ? null : decision.Challenge.ToString(),
                decision.CrossTenantAccessType,
                decision.UserType,
                decision.ConditionalAccessStatus,
                decision.AppliedConditionalAccessPolicies,
                decision.IsTenantRestricted,
                trace = decision.Trace,
            }, "fakeEntra.whatIfResult");
        });
        return app;
    }
}
