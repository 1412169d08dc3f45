using FakeEntra.Server.Hosting;
using FakeEntra.Core.Errors;
using FakeEntra.Server.SignInPages.Steps;
using FakeEntra.Server.World;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FakeEntra.Server.SignInPages;

/// <summary>The pages a person signs in on: <c>/{tenant}/oauth2/v2.0/authorize</c> and the posts of its steps.</summary>
public static class SignInEndpoints
{
    public static IServiceCollection AddSignIn(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SessionCookie>();
        services.AddSingleton<SignInStateProtector>();
        services.AddSingleton<AuthorizationCodes>();
        services.AddHostedService(sp => sp.GetRequiredService<AuthorizationCodes>());
        services.AddSingleton<DeviceAuthorizations>();
        services.AddSingleton<SignInCompletion>();
        services.AddSingleton<SignInDecisions>();
        services.AddSingleton<SignInFlow>();
        // The order is the order of the pages.
        services.AddSingleton<ISignInStep, AccountPickerStep>();
        services.AddSingleton<ISignInStep, UsernameStep>();
        services.AddSingleton<ISignInStep, PasswordStep>();
        services.AddSingleton<ISignInStep, DeviceStep>();
        services.AddSingleton<ISignInStep, MfaStep>();
        services.AddSingleton<ISignInStep, PrivacyConsentStep>();
        services.AddSingleton<ISignInStep, DeviceConfirmStep>();
        return services;
    }

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        // Parameters over their limits are refused on the error page, like every other error of these pages.
        app.MapMethods("/{tenant}/oauth2/v2.0/authorize", ["GET", "POST"], (string tenant, HttpContext http, SignInFlow flow, SessionCookie cookie, DirectoryState directory, PublicOrigin origin) =>
            Guard(http, async () => await Authorize(http, tenant, await Parameters.ReadAsync(http.Request), flow, cookie, directory, origin.Value)));

        app.MapPost("/{tenant}/" + SignInFlow.LoginPath, (string tenant, HttpContext http, SignInFlow flow, SignInStateProtector protector) => Guard(http, async () =>
        {
            var form = await FormProtection.ReadFormAsync(http);
            var state = protector.Unprotect(form["ctx"]);
            if (!string.Equals(state.Tenant, tenant, StringComparison.OrdinalIgnoreCase)) throw new AadException(AadErrors.ParameterNotValid("ctx"));
            return await flow.Post(http, state, form["step"], form);
        }));
        return app;
    }

    private static Task<IResult> Authorize(HttpContext http, string tenant, Dictionary<string, string> parameters, SignInFlow flow, SessionCookie cookie, DirectoryState directory, string origin)
    {
        AuthorizeRequest request;
        try
        {
            request = AuthorizeRequest.Parse(parameters, tenant, directory.Current, origin);
        }
        catch (AuthorizeRedirectException e)
        {
            return Task.FromResult(AuthorizationResponse.Error(http, e.Request, e.Error));
        }

        var accounts = cookie.Read(http)?.Accounts ?? [];
        var hinted = request.LoginHint is { } hint ? accounts.Where(a => string.Equals(a.Username, hint, StringComparison.OrdinalIgnoreCase)).ToList() : accounts.ToList();
        var state = new SignInState { Tenant = tenant, Authorize = parameters };
        var signedIn = (SessionAccount account) => state with
        {
            Username = account.Username,
            HomeTenantId = account.HomeTenantId,
            UserId = account.UserId,
            Authenticated = true,
            AuthTime = account.AuthTime,
            MfaAtHome = account.MfaAtHome,
            MfaAtResourceTenants = account.MfaAtResourceTenants,
            DeviceId = account.DeviceId,
            DeviceKnown = account.DeviceKnown,
        };
        switch (request.Prompt)
        {
            case "login":
                return flow.Continue(http, state);
            case "none":
                if (hinted.Count == 0) return Task.FromResult(AuthorizationResponse.Error(http, request, AadErrors.NoSignedInUser()));
                if (hinted.Count > 1) return Task.FromResult(AuthorizationResponse.Error(http, request, AadErrors.AmbiguousAccount()));
                return flow.Continue(http, signedIn(hinted[0]), silent: true);
            case "select_account":
                return flow.Continue(http, state with { PickAccount = true });
            default:
                if (hinted.Count == 1) return flow.Continue(http, signedIn(hinted[0]));
                return flow.Continue(http, state with { PickAccount = accounts.Count > 1 && request.LoginHint is null });
        }
    }

    /// <summary>Errors on these pages are pages too, never JSON and never a 500.</summary>
    public static async Task<IResult> Guard(HttpContext http, Func<Task<IResult>> page)
    {
        try
        {
            return await page();
        }
        catch (AadException e)
        {
            return ErrorPage.For(http, e.Error);
        }
    }
}
