using System.Text.Json;
using FakeEntra.Core.Errors;
using FakeEntra.Core.Tenancy;
using FakeEntra.Core.Tokens;
using FakeEntra.Server.Errors;
using FakeEntra.Server.Hosting;
using FakeEntra.Server.World;

namespace FakeEntra.Server.SignInPages;

/// <summary>The device code flow's two ends: <c>/{tenant}/oauth2/v2.0/devicecode</c> for the device, <c>/devicelogin</c> for the person.</summary>
public static class DeviceCodeEndpoints
{
    public const string VerificationPath = "/devicelogin";

    public static IEndpointRouteBuilder MapDeviceCode(this IEndpointRouteBuilder app)
    {
        app.MapPost("/{tenant}/oauth2/v2.0/devicecode", async (string tenant, HttpContext http, DirectoryState directory, DeviceAuthorizations devices, PublicOrigin origin) =>
        {
            var form = await Parameters.ReadFormAsync(http.Request);
            var path = TenantPathResolver.Resolve(tenant, directory.Current);
            var clientId = form["client_id"].FirstOrDefault() is { Length: > 0 } id ? id : throw new AadException(AadErrors.MissingRequiredParameter("client_id"));
            var client = (Guid.TryParse(clientId, out var appId) ? directory.Current.FindApplication(appId) : null)
                         ?? throw new AadException(AadErrors.AppNotFound(clientId, path.Tenant?.DisplayName ?? path.Segment));
            if (!client.IsFallbackPublicClient) throw new AadException(AadErrors.CredentialMissing());
            var scope = form["scope"].FirstOrDefault() is { Length: > 0 } s ? s : throw new AadException(AadErrors.ScopeMissing());
            ScopeRequest.Parse(scope);

            var device = await devices.CreateAsync(client.AppId, tenant, scope);
            var verificationUri = origin.Value + VerificationPath;
            AadErrorResponse.NoStore(http.Response);
            Json.Write(http.Response, (device, verificationUri), static (w, d) =>
            {
                w.WriteStartObject();
                w.WriteString("user_code", d.device.UserCode);
                w.WriteString("device_code", d.device.DeviceCode);
                w.WriteString("verification_uri", d.verificationUri);
                w.WriteNumber("expires_in", (int)DeviceAuthorizations.Lifetime.TotalSeconds);
                w.WriteNumber("interval", DeviceAuthorizations.Interval);
                w.WriteString("message", $"To sign in, use a web browser to open the page {d.verificationUri} and enter the code {d.device.UserCode} to authenticate.");
                w.WriteEndObject();
            });
        });

        app.MapGet(VerificationPath, (HttpContext http) => CodeEntryPage(http, null, null));
        app.MapPost(VerificationPath, (HttpContext http, DeviceAuthorizations devices, SignInFlow flow) => SignInEndpoints.Guard(http, async () =>
        {
            var form = await FormProtection.ReadFormAsync(http);
            var code = form["otc"].ToString().Trim();
            var device = devices.FindPending(code);
            if (device is null) return CodeEntryPage(http, code, "That code didn't work. Check the code and try again.");
            return await flow.Continue(http, new SignInState { Tenant = device.Tenant, DeviceUserCode = device.UserCode });
        }));
        return app;
    }

    /// <summary>The code entry; after a wrong code it keeps what was typed, to correct it.</summary>
    private static IResult CodeEntryPage(HttpContext http, string? typed, string? error) => Results.Content(Html.Page("Enter code", null, Html.Form(http, VerificationPath, $"""
        <h1>Enter code</h1>
        <p>Enter the code displayed on your app or device.</p>
        {Html.Error(error)}
        <label for="otc">Code</label>
        <input type="text" id="otc" name="otc" value="{Html.E(typed)}" autocomplete="off" autocapitalize="characters" spellcheck="false" required autofocus{Html.Invalid(error)}>
        <div class="actions"><button type="submit">Next</button></div>
        """)), "text/html; charset=utf-8", statusCode: error is null ? 200 : 400);
}
