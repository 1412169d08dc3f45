using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Tokens;

namespace SharedChannels.Api.Hosting;

/// <summary>
/// Microsoft.Identity.Web configured from the <c>AzureAd</c> section exactly as against Entra: Contoso's issuer, the API's
/// app id as audience, users need <c>Channels.ReadWrite</c>, apps <c>Channels.Read.All</c>. Every refusal says why, in
/// <c>WWW-Authenticate</c> and as problem details.
/// </summary>
public static class BearerAuthentication
{
    public const string Policy = "SharedChannels";
    public const string UserScope = "Channels.ReadWrite";
    public const string AppRole = "Channels.Read.All";

    public static void AddSharedChannelsAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddMicrosoftIdentityWebApi(builder.Configuration.GetSection("AzureAd"));
        builder.Services.AddAuthorization(o => o.AddPolicy(Policy, p => p.RequireAuthenticatedUser().RequireScopeOrAppPermission([UserScope], [AppRole])));

        // Metadata and keys, and the issuer validator's own metadata client, go through the identity provider's trust.
        builder.Services.AddHttpClient(IdentityProviderTrust.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => IdentityProviderTrust.CreateHandler(builder.Configuration));
        builder.Services.Configure<AadIssuerValidatorOptions>(o => o.HttpClientName = IdentityProviderTrust.HttpClientName);
        builder.Services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            o.BackchannelHttpHandler = IdentityProviderTrust.CreateHandler(builder.Configuration);
            o.BackchannelTimeout = builder.Configuration.GetValue("IdentityProvider:Timeout", TimeSpan.FromSeconds(10));
        });
        // After Microsoft.Identity.Web has set its events, so that they keep running first.
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => Explain(o.Events ??= new JwtBearerEvents()));
    }

    private static void Explain(JwtBearerEvents events)
    {
        var failed = events.OnAuthenticationFailed;
        events.OnAuthenticationFailed = async context =>
        {
            await failed(context);
            if (context.Result is not null) return;
            // Metadata or keys that cannot be fetched are not the token's fault: answer it (503 below) instead of failing the request.
            if (context.Exception is not SecurityTokenException) context.Fail(context.Exception);
            // With no metadata at all the validators only see "no key matches"; ask whether there is any to tell the two apart.
            else if (context.Exception is SecurityTokenSignatureKeyNotFoundException && context.Options.ConfigurationManager is { } metadata)
            {
                try
                {
                    await metadata.GetConfigurationAsync(context.HttpContext.RequestAborted);
                }
                catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException)
                {
                    context.Fail(e);
                }
            }
        };
        var challenge = events.OnChallenge;
        events.OnChallenge = async context =>
        {
            await challenge(context);
            if (context.Handled) return;
            context.HandleResponse();
            var http = context.HttpContext;
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            if (context.AuthenticateFailure is { } failure && failure is not SecurityTokenException && failure is not ArgumentException)
            {
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                http.Response.Headers.RetryAfter = "30";
                await problems.WriteAsync(Problem(http, StatusCodes.Status503ServiceUnavailable, "Identity provider unavailable",
                    $"The identity provider's metadata or signing keys could not be loaded, so no token can be checked: {failure.Message} Nothing was changed; try again later."));
                return;
            }
            string why;
            if (context.AuthenticateFailure is null)
            {
                why = "No bearer token was sent. Send a Contoso access token for this API in the Authorization header.";
                http.Response.Headers.WWWAuthenticate = "Bearer";
            }
            else
            {
                why = RefusalReason.Describe(context.AuthenticateFailure, context.ErrorDescription, http);
                http.Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{why.Replace("\"", "'", StringComparison.Ordinal)}\"";
            }
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await problems.WriteAsync(Problem(http, StatusCodes.Status401Unauthorized, "Unauthorized", why));
        };
    }

    private static ProblemDetailsContext Problem(HttpContext http, int status, string title, string detail) =>
        new() { HttpContext = http, ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail } };
}
