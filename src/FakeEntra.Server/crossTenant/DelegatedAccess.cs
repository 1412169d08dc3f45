using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Errors;
using FakeEntra.Core.Tokens;
using FakeEntra.Server.Token;

namespace FakeEntra.Server.CrossTenant;

/// <summary>Grants without pages (password, refresh, code and device redemption) ask the gate through here.</summary>
public static class DelegatedAccess
{
    /// <summary>The app the scope names (Microsoft Graph when it names none), as the resource tenant knows it.</summary>
    public static Application ResourceApp(DirectorySnapshot directory, TenantDirectory resourceTenant, string scope) =>
        Permissions.FindResource(directory, resourceTenant, ScopeRequest.Parse(scope).Resource ?? FirstPartyApplications.MicrosoftGraphResource).Application;

    /// <summary>The FakeEntra parameters and the tenant-restrictions header of a token request; a bad one becomes the sign-in's error.</summary>
    public static (SignInProof Proof, Device? Device, TenantDirectory? Enforcing, AadError? Error) Inputs(TokenRequest request, TenantDirectory home, User user)
    {
        try
        {
            var mfa = SignInInputs.CheckOtp(request.FormOrQuery(SignInInputs.OtpParameter), user, request.Now) ?? false;
            var device = SignInInputs.Device(request.FormOrQuery(SignInInputs.DeviceParameter), home);
            var enforcing = SignInInputs.EnforcingTenant(request.Headers[SignInInputs.TenantRestrictionsHeader], request.Directory);
            return (new SignInProof { MfaAtHome = mfa, MfaAtResource = mfa, DeviceId = device?.DeviceId }, device, enforcing, null);
        }
        catch (AadException e)
        {
            return (new SignInProof(), null, null, e.Error);
        }
    }
}
