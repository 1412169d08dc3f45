using FakeEntra.Core.Errors;
using FakeEntra.Core.Tokens;
using FakeEntra.Server.CrossTenant;
using FakeEntra.Server.Hosting;
using FakeEntra.Server.Token;

namespace FakeEntra.Server.SignInPages;

/// <summary>
/// The end of a sign-in: the gate decides (and logs, in both tenants for a cross-tenant sign-in), the session gains the
/// account, and the app gets its code and/or ID token (or, for a device code, the device may collect its tokens).
/// </summary>
public sealed class SignInCompletion(TokenIssuer issuer, AuthorizationCodes codes, DeviceAuthorizations devices, SessionCookie cookie,
    SignInDecisions decisions, CrossTenantGate gate, PublicOrigin origin)
{
    public async Task<IResult> CompleteAsync(SignInContext context)
    {
        var state = context.State;
        var (home, user) = context.SignedInUser ?? throw new AadException(AadErrors.UserNotFound(state.Tenant));
        if (!user.AccountEnabled) return ErrorPage.For(context.Http, AadErrors.AccountDisabled());
        var authTime = state.AuthTime ?? context.Now;
        var session = context.Session ?? SignInSession.New();
        var gateRequest = decisions.Request(context);
        // Declining the privacy statement is a sign-in that failed (logged), and the app hears it as a cancelled consent.
        if (state.PrivacyDeclined && gateRequest is not null) await gate.LogRefusalAsync(gateRequest, AadErrors.ConsentDeclined());
        var proof = new SignInProof
        {
            MfaAtHome = state.MfaAtHome,
            MfaAtResource = gateRequest?.MfaAtResource ?? false,
            DeviceId = gateRequest?.Device?.DeviceId,
        };
        var account = new SessionAccount(home.Id, user.Id, user.UserPrincipalName, authTime)
        {
            MfaAtHome = state.MfaAtHome,
            MfaAtResourceTenants = state.MfaAtResourceTenants,
            DeviceId = state.DeviceId,
            DeviceKnown = state.DeviceKnown,
        };

        if (state.DeviceUserCode is { } userCode) return await CompleteDeviceAsync(context, userCode, session, account, gateRequest, proof);

        var request = AuthorizeRequest.Parse(state.Authorize ?? throw new AadException(AadErrors.ParameterNotValid("ctx")), state.Tenant, context.Directory, origin.Value);
        if (state.PrivacyDeclined) return AuthorizationResponse.Error(context.Http, request, AadErrors.ConsentDeclined());
        if (gateRequest is null)
        {
            // The request names a resource the tenant does not have: the app hears of it at its redirect URI.
            var resourceError = TryResource(context, request);
            return AuthorizationResponse.Error(context.Http, request, resourceError);
        }
        // A refusal is shown on the page, as Entra shows cross-tenant and Conditional Access blocks, and logged.
        var admission = await gate.AdmitAsync(gateRequest);
        session = session.WithAccount(account, request.Client.AppId);
        var signIn = new DelegatedSignIn
        {
            Client = new AuthenticatedClient(request.Client, ClientAuthenticationMethod.None),
            User = user,
            HomeTenant = home,
            TokenTenant = gateRequest.Resource,
            Scope = request.Scope,
            AuthTime = authTime,
            Interactive = new InteractiveSignIn { Nonce = request.Nonce, SessionId = session.SessionId, AuthTime = authTime },
            GrantId = Guid.NewGuid(),
            Admission = admission,
            Proof = proof,
        };
        var issuance = gateRequest.Issuance;
        try
        {
            // Scopes and consent are judged now, so the app learns of a problem at the redirect rather than at redemption.
            issuer.Check(issuance, signIn);
        }
        catch (AadException e)
        {
            return AuthorizationResponse.Error(context.Http, request, e.Error);
        }
        cookie.Write(context.Http, session);

        var code = request.ReturnsCode ? await codes.IssueAsync(new AuthorizationCode
        {
            GrantId = signIn.GrantId.Value,
            ClientId = request.Client.AppId,
            RedirectUri = request.RedirectUri,
            TenantId = gateRequest.Resource.Id,
            HomeTenantId = home.Id,
            UserId = user.Id,
            Scope = request.Scope,
            Nonce = request.Nonce,
            CodeChallenge = request.CodeChallenge,
            CodeChallengeMethod = request.CodeChallengeMethod,
            SessionId = session.SessionId,
            AuthTime = authTime,
            ExpiresAt = context.Now + AuthorizationCodes.Lifetime,
            Proof = proof,
            SignInId = admission.SignInId,
        }) : null;
        var idToken = request.ReturnsIdToken ? issuer.IdTokenFor(issuance, signIn, code) : null;
        return AuthorizationResponse.Success(request,
        [
            new("code", code),
            new("id_token", idToken),
            new("session_state", session.SessionId.ToString("D")),
        ]);
    }

    /// <summary>For <c>prompt=none</c> when a page would be needed.</summary>
    public IResult InteractionRequired(SignInContext context)
    {
        var request = AuthorizeRequest.Parse(context.State.Authorize ?? throw new AadException(AadErrors.ParameterNotValid("ctx")), context.State.Tenant, context.Directory, origin.Value);
        return AuthorizationResponse.Error(context.Http, request, AadErrors.AmbiguousAccount());
    }

    private AadError TryResource(SignInContext context, AuthorizeRequest request)
    {
        try
        {
            var tenant = request.Path.Tenant is { } t ? context.Directory.FindTenant(t.Id)! : context.SignedInUser!.Value.Tenant;
            DelegatedAccess.ResourceApp(context.Directory, tenant, request.Scope);
            return AadErrors.Malformed();
        }
        catch (AadException e)
        {
            return e.Error;
        }
    }

    private async Task<IResult> CompleteDeviceAsync(SignInContext context, string userCode, SignInSession session, SessionAccount account, GateRequest? gateRequest, SignInProof proof)
    {
        var pending = devices.FindPending(userCode);
        var app = pending is null ? null : context.Directory.FindApplication(pending.ClientId);
        if (pending is null || app is null || gateRequest is null) return ErrorPage.For(context.Http, AadErrors.DeviceExpired());
        if (context.State.DeviceDeclined || context.State.PrivacyDeclined)
        {
            await devices.CompleteAsync(userCode, d => d with { Status = DeviceAuthorizationStatus.Declined });
            return DevicePage(context, "Sign-in cancelled", $"You have declined to sign in to {app.DisplayName} on your device. You may now close this window.");
        }
        var admission = await gate.AdmitAsync(gateRequest);
        session = session.WithAccount(account, app.AppId);
        cookie.Write(context.Http, session);
        await devices.CompleteAsync(userCode, d => d with
        {
            Status = DeviceAuthorizationStatus.Approved,
            HomeTenantId = account.HomeTenantId,
            UserId = account.UserId,
            AuthTime = account.AuthTime,
            SessionId = session.SessionId,
            ResourceTenantId = gateRequest.Resource.Id,
            Proof = proof,
            SignInId = admission.SignInId,
        });
        return DevicePage(context, app.DisplayName,
            $"You have signed in to the {app.DisplayName} application on your device. You may now close this window.");
    }

    private static IResult DevicePage(SignInContext context, string title, string message) =>
        Results.Content(Html.Page(title, SignInContext.Brand(context.SignedInUser?.Tenant), $"<h1>{Html.E(title)}</h1><p role=\"status\">{Html.E(message)}</p>"),
            "text/html; charset=utf-8");
}
