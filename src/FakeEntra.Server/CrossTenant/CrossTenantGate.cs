using FakeEntra.Core.CrossTenantAccess;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Errors;
using FakeEntra.Core.Monitoring;
using FakeEntra.Core.Tokens;
using FakeEntra.Server.SignInLogs;
using FakeEntra.Server.Token;

namespace FakeEntra.Server.CrossTenant;

/// <summary>One sign-in to judge: who, at which resource tenant, for which app, with what proven so far.</summary>
public sealed record GateRequest
{
    public required Issuance Issuance { get; init; }
    public required TenantDirectory Home { get; init; }
    public required User HomeUser { get; init; }
    public required TenantDirectory Resource { get; init; }
    public required Application Client { get; init; }
    public required Application ResourceApp { get; init; }
    public bool MfaAtHome { get; init; }
    public bool MfaAtResource { get; init; }
    public Device? Device { get; init; }
    public bool DeviceKnown { get; init; }
    public TenantDirectory? EnforcingTenant { get; init; }
    public bool Interactive { get; init; }
    public Guid CorrelationId { get; init; }
    /// <summary>
    /// The person accepted the resource organization's privacy statement during this sign-in (on the page, or with
    /// <c>fakeentra_privacy_consent=accept</c>); recorded only if it was needed and the sign-in is admitted.
    /// </summary>
    public bool PrivacyConsented { get; init; }
    /// <summary>A refusal found before the decision (a malformed FakeEntra parameter, a wrong one-time code): logged as the outcome.</summary>
    public AadError? InputError { get; init; }
}

/// <summary>Which decisions of a request are written to the sign-in logs.</summary>
public enum SignInLogging
{
    Always,
    /// <summary>Only refusals: the allowing decision is already logged (a code redeemed for the resource of its sign-in).</summary>
    RefusalsOnly,
}

/// <summary>
/// Where the web host asks the pure decision engine: it turns a request into <see cref="SignInFacts"/>, logs the outcome in
/// the home and the resource tenant, and answers with the identity the token carries, or Entra's error.
/// </summary>
public sealed class CrossTenantGate(SignInLogWriter log, SignInConsole console, PrivacyConsents privacyConsents)
{
    public static AccessDecision Decide(GateRequest request) =>
        CrossTenantAccessEvaluator.Evaluate(SignInFactsBuilder.For(request.Issuance.Directory, request.Home, request.HomeUser, request.Resource, request.ResourceApp, request.Client) with
        {
            MfaAtHome = request.MfaAtHome,
            MfaAtResource = request.MfaAtResource,
            Device = request.Device,
            DeviceKnown = request.DeviceKnown,
            EnforcingTenant = request.EnforcingTenant,
            Interactive = request.Interactive,
            PrivacyConsentGiven = request.HomeUser.PrivacyConsents.Contains(request.Resource.Id) || request.PrivacyConsented,
        });

    /// <summary>
    /// Decides, logs, and returns the admission tokens are minted from; a refusal (or a challenge nobody can answer) throws
    /// Entra's error. <paramref name="logging"/> lets a code redemption for the resource already decided and logged at the
    /// pages log only what differs: a refusal; <paramref name="loggedAs"/> is then the sign-in row the pages wrote.
    /// </summary>
    public async Task<Admission> AdmitAsync(GateRequest request, SignInLogging logging = SignInLogging.Always, Guid? loggedAs = null)
    {
        var decision = request.InputError is { } inputError ? Refusal(request, inputError) : Decide(request);
        var signInId = logging == SignInLogging.Always || !decision.Allowed ? await LogAsync(request, decision) : loggedAs;
        if (decision.Error is { } error) throw new AadException(error);
        if (decision.Challenge != SignInChallenge.None) throw new AadException(AadErrors.MfaNeeded(request.ResourceApp.AppId));
        if (request.PrivacyConsented && decision.CrossTenantAccessType == CrossTenantAccessTypeValues.B2BDirectConnect
            && !request.HomeUser.PrivacyConsents.Contains(request.Resource.Id))
            await privacyConsents.AcceptAsync(request);
        var identity = decision.CrossTenantAccessType switch
        {
            CrossTenantAccessTypeValues.B2BDirectConnect => TokenUser.DirectConnect(request.HomeUser, request.Home.Id),
            CrossTenantAccessTypeValues.B2BCollaboration => TokenUser.Guest(request.Issuance.Directory.FindGuest(request.Resource.Id, request.HomeUser.UserPrincipalName)!, request.HomeUser, request.Home.Id),
            _ => TokenUser.Member(request.HomeUser, request.Home.Id),
        };
        return Admission.For(request, identity with { DeviceId = request.Device?.DeviceId }, signInId);
    }

    /// <summary>Logs a sign-in that ends in <paramref name="error"/> before the decision (the person declined a page); returns the resource tenant's row id.</summary>
    public Task<Guid> LogRefusalAsync(GateRequest request, AadError error) => LogAsync(request, Refusal(request, error));

    // The decision's trace and classification, without asking the person anything more, ending in the given error.
    private static AccessDecision Refusal(GateRequest request, AadError error) =>
        Decide(request with { Interactive = false }) with { Error = error, Challenge = SignInChallenge.None };

    /// <summary>A row in each tenant the sign-in touched: client details at home, Conditional Access at the resource; returns the resource tenant's row id.</summary>
    public async Task<Guid> LogAsync(GateRequest request, AccessDecision decision)
    {
        console.Write(request, decision);
        var cross = request.Home.Id != request.Resource.Id;
        var status = decision.Error is { } error ? new SignInStatus(error.Code, error.Message, null) : new SignInStatus(0, null, null);
        // Ids are opaque GUIDs to Graph's clients; time-ordered ones (version 7) append to the end of the (tenant, id) index,
        // where random ones touched a page of it per row (disk bytes written per cross-tenant grant: 53 KB → 28 KB).
        var row = new SignIn
        {
            Id = Guid.CreateVersion7(),
            CreatedDateTime = request.Issuance.Now,
            CorrelationId = request.CorrelationId,
            UserId = request.HomeUser.Id,
            UserPrincipalName = request.HomeUser.UserPrincipalName,
            UserDisplayName = request.HomeUser.DisplayName,
            UserType = decision.UserType,
            AppId = request.Client.AppId,
            AppDisplayName = request.Client.DisplayName,
            ClientAppUsed = request.Interactive ? "Browser" : "Mobile Apps and Desktop clients",
            ResourceId = request.ResourceApp.AppId,
            ResourceDisplayName = request.ResourceApp.DisplayName,
            HomeTenantId = request.Home.Id,
            ResourceTenantId = request.Resource.Id,
            CrossTenantAccessType = decision.CrossTenantAccessType,
            IsInteractive = request.Interactive,
            SignInEventTypes = [request.Interactive ? "interactiveUser" : "nonInteractiveUser"],
            AuthenticationRequirement = request.MfaAtHome || request.MfaAtResource ? "multiFactorAuthentication" : "singleFactorAuthentication",
            ConditionalAccessStatus = decision.ConditionalAccessStatus,
            AppliedConditionalAccessPolicies = decision.AppliedConditionalAccessPolicies,
            Status = status,
            DeviceDetail = request.Device is { } device ? new DeviceDetail(device.DeviceId.ToString("D"), device.DisplayName, device.IsCompliant, device.TrustType) : null,
            IsTenantRestricted = decision.IsTenantRestricted,
            FakeEntraDecisionTrace = decision.Trace,
        };
        if (!cross)
        {
            await log.WriteAsync([(request.Resource.Id, row)]);
            return row.Id;
        }
        var resourceRow = row with { Id = Guid.CreateVersion7(), AppDisplayName = null, ClientAppUsed = null };
        await log.WriteAsync([(request.Home.Id, row with { AppliedConditionalAccessPolicies = [], ConditionalAccessStatus = "notApplied" }), (request.Resource.Id, resourceRow)]);
        return resourceRow.Id;
    }
}
