using FakeEntra.Core.Errors;
using FakeEntra.Core.Tokens;
using FakeEntra.Server.CrossTenant;
using FakeEntra.Server.SignInPages;

namespace FakeEntra.Server.Token.Grants;

/// <summary>
/// The device's polling: pending, too fast, declined, expired, unknown, or the tokens once the person approved. The tokens
/// come from a decision taken at collection, on the sign-in's facts, so a setting changed since the approval counts.
/// </summary>
public sealed class DeviceCodeGrant(TokenIssuer issuer, DeviceAuthorizations devices, CrossTenantGate gate) : IGrantHandler
{
    // A poll sooner than this after the last one is answered slow_down (MSAL waits the full interval).
    private static readonly TimeSpan MinimumGap = TimeSpan.FromSeconds(DeviceAuthorizations.Interval - 2);

    public IReadOnlyList<string> GrantTypes => ["urn:ietf:params:oauth:grant-type:device_code", "device_code"];

    public async Task<TokenResponse> HandleAsync(TokenRequest request)
    {
        var client = ClientAuthenticator.Authenticate(request, allowPublicClient: true);
        var deviceCode = request["device_code"] ?? request.Required("code");
        var device = await devices.PollAsync(deviceCode);
        if (device is null || device.ClientId != client.Application.AppId) throw new AadException(AadErrors.DeviceCodeUnknown());
        switch (device.Status)
        {
            case DeviceAuthorizationStatus.Redeemed:
                throw new AadException(AadErrors.DeviceCodeUsed());
            case DeviceAuthorizationStatus.Declined:
                throw new AadException(AadErrors.DeviceDeclined());
            case DeviceAuthorizationStatus.Pending when request.Now > device.ExpiresAt:
                throw new AadException(AadErrors.DeviceExpired());
            case DeviceAuthorizationStatus.Pending when device.LastPoll is { } last && request.Now - last < MinimumGap:
                throw new AadException(AadErrors.PollingTooFast(DeviceAuthorizations.Interval));
            case DeviceAuthorizationStatus.Pending:
                throw new AadException(AadErrors.DevicePending());
        }

        var home = request.Directory.FindTenant(device.HomeTenantId!.Value);
        var user = home is null ? null : request.Directory.FindUser(home.Id, device.UserId!.Value);
        if (home is null || user is null) throw new AadException(AadErrors.UserNotFound(device.Tenant));
        if (!user.AccountEnabled) throw new AadException(AadErrors.AccountDisabled());
        var tokenTenant = request.Directory.FindTenant(device.ResourceTenantId!.Value) ?? throw new AadException(AadErrors.UserNotFound(device.Tenant));
        var proof = device.Proof ?? new();
        // The approval's decision was logged at the pages; only a refusal now is news.
        var admission = await gate.AdmitAsync(DelegatedAccess.Question(request, home, user, tokenTenant, client.Application, device.Scope, proof, inputError: null),
            SignInLogging.RefusalsOnly, device.SignInId);
        return issuer.IssueForUser(request.Issuance, new DelegatedSignIn
        {
            Client = client,
            User = user,
            HomeTenant = home,
            TokenTenant = tokenTenant,
            Scope = device.Scope,
            AuthTime = device.AuthTime!.Value,
            Interactive = new InteractiveSignIn { SessionId = device.SessionId!.Value, AuthTime = device.AuthTime!.Value },
            Admission = admission,
            Proof = proof,
        }, request.WantsClientInfo);
    }
}
