using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Errors;
using FakeEntra.Core.Tokens;
using FakeEntra.Server.Lockout;
using FakeEntra.Server.Token;

namespace FakeEntra.Server.CrossTenant;

/// <summary>Grants without pages (password, refresh, code and device redemption) ask the gate through here.</summary>
public static class DelegatedAccess
{
    /// <summary>The app the scope names (Microsoft Graph when it names none), as the resource tenant knows it.</summary>
    public static Application ResourceApp(DirectorySnapshot directory, TenantDirectory resourceTenant, string scope) =>
        Permissions.FindResource(directory, resourceTenant, ScopeRequest.Parse(scope).Resource ?? FirstPartyApplications.MicrosoftGraphResource).Application;

    /// <summary>The FakeEntra parameters of a password grant; a bad one becomes the sign-in's error.</summary>
    public static (SignInProof Proof, bool PrivacyConsented, AadError? Error) Parameters(TokenRequest request, TenantDirectory home, User user, SmartLockout lockout)
    {
        try
        {
            var privacyConsented = SignInInputs.PrivacyConsent(request.FormOrQuery(SignInInputs.PrivacyConsentParameter));
            var mfa = SignInInputs.CheckOtp(request.FormOrQuery(SignInInputs.OtpParameter), user, request.Now, lockout, request.ClientAddress) ?? false;
            var device = SignInInputs.Device(request.FormOrQuery(SignInInputs.DeviceParameter), home);
            return (new SignInProof { MfaAtHome = mfa, MfaAtResource = mfa, DeviceId = device?.DeviceId }, privacyConsented, null);
        }
        catch (AadException e)
        {
            return (new SignInProof(), false, e.Error);
        }
    }

    /// <summary>The privacy consent parameter of a refresh (after a withdrawal, a refresh can accept again); a bad one becomes the sign-in's error.</summary>
    public static (bool PrivacyConsented, AadError? Error) PrivacyConsent(TokenRequest request)
    {
        try
        {
            return (SignInInputs.PrivacyConsent(request.FormOrQuery(SignInInputs.PrivacyConsentParameter)), null);
        }
        catch (AadException e)
        {
            return (false, e.Error);
        }
    }

    /// <summary>The gate's question for a grant without pages: the proof given, the tenant-restrictions header of the request.</summary>
    public static GateRequest Question(TokenRequest request, TenantDirectory home, User user, TenantDirectory resource, Application client, string scope,
        SignInProof proof, AadError? inputError)
    {
        TenantDirectory? enforcing = null;
        try
        {
            enforcing = SignInInputs.EnforcingTenant(request.Headers[SignInInputs.TenantRestrictionsHeader], request.Directory);
        }
        catch (AadException e)
        {
            inputError ??= e.Error;
        }
        return Question(request.Issuance, home, user, resource, client, scope, proof, request.CorrelationId) with
        {
            EnforcingTenant = enforcing,
            InputError = inputError,
        };
    }

    /// <summary>The gate's question for a sign-in without pages and without a request of its own (a test's token): the proof given.</summary>
    public static GateRequest Question(Issuance issuance, TenantDirectory home, User user, TenantDirectory resource, Application client, string scope,
        SignInProof proof, Guid correlationId) => new()
        {
            Issuance = issuance,
            Home = home,
            HomeUser = user,
            Resource = resource,
            Client = client,
            ResourceApp = ResourceApp(issuance.Directory, resource, scope),
            MfaAtHome = proof.MfaAtHome,
            MfaAtResource = proof.MfaAtResource,
            Device = proof.DeviceId is { } deviceId ? home.Devices.FirstOrDefault(d => d.DeviceId == deviceId) : null,
            DeviceKnown = true,
            CorrelationId = correlationId,
        };
}
