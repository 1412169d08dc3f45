using FakeEntra.Core.CrossTenantAccess;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Errors;
using FakeEntra.Core.Tenancy;
using FakeEntra.Server.CrossTenant;
using FakeEntra.Server.Hosting;
using FakeEntra.Server.Token;

namespace FakeEntra.Server.SignInPages;

/// <summary>Builds the gate's question from a browser sign-in: the app and scope of the request, what the person proved so far.</summary>
public sealed class SignInDecisions(DeviceAuthorizations devices, PublicOrigin origin)
{
    /// <summary>Null until the person is authenticated, or when the request names no resource the tenant knows (completion reports that).</summary>
    public GateRequest? Request(SignInContext context)
    {
        if (!context.State.Authenticated || context.SignedInUser is not var (home, user)) return null;
        var (clientId, scope, tenant) = Subject(context);
        var client = clientId is { } id ? context.Directory.FindApplication(id) : null;
        if (client is null) return null;
        TenantDirectory resourceTenant;
        Application resourceApp;
        try
        {
            resourceTenant = TenantPathResolver.Resolve(tenant, context.Directory).Tenant is { } pathTenant ? context.Directory.FindTenant(pathTenant.Id)! : home;
            resourceApp = DelegatedAccess.ResourceApp(context.Directory, resourceTenant, scope);
        }
        catch (AadException)
        {
            return null;
        }
        AadError? inputError = null;
        TenantDirectory? enforcing = null;
        try
        {
            enforcing = SignInInputs.EnforcingTenant(context.Http.Request.Headers[SignInInputs.TenantRestrictionsHeader], context.Directory);
        }
        catch (AadException e)
        {
            inputError = e.Error;
        }
        return new GateRequest
        {
            Issuance = new Issuance(context.Directory, origin.Value, context.Now),
            Home = home,
            HomeUser = user,
            Resource = resourceTenant,
            Client = client,
            ResourceApp = resourceApp,
            MfaAtHome = context.State.MfaAtHome,
            MfaAtResource = context.State.MfaAtResourceTenants.Contains(resourceTenant.Id),
            Device = context.State.DeviceId is { } deviceId ? home.Devices.FirstOrDefault(d => d.DeviceId == deviceId) : null,
            DeviceKnown = context.State.DeviceKnown,
            EnforcingTenant = enforcing,
            Interactive = true,
            PrivacyConsented = context.State.PrivacyConsented,
            CorrelationId = RequestIds.Of(context.Http).CorrelationId,
            InputError = inputError,
        };
    }

    /// <summary>What the person still has to do for this sign-in (none before authentication or when refused).</summary>
    public SignInChallenge Challenge(SignInContext context) =>
        Request(context) is { InputError: null } request ? CrossTenantGate.Decide(request).Challenge : SignInChallenge.None;

    private (Guid? ClientId, string Scope, string Tenant) Subject(SignInContext context)
    {
        if (context.State.DeviceUserCode is { } code)
            return devices.FindPending(code) is { } device ? (device.ClientId, device.Scope, device.Tenant) : (null, "", context.State.Tenant);
        var parameters = context.State.Authorize ?? [];
        return (Guid.TryParse(parameters.GetValueOrDefault("client_id"), out var id) ? id : null, parameters.GetValueOrDefault("scope") ?? "", context.State.Tenant);
    }
}
