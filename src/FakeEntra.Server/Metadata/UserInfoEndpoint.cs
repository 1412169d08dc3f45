using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Server.Hosting;
using FakeEntra.Server.Token;
using FakeEntra.Server.World;

namespace FakeEntra.Server.Metadata;

/// <summary>
/// <c>/oidc/userinfo</c>, as Graph serves it: a Microsoft Graph access token in, <c>sub</c>, <c>name</c>, <c>family_name</c>,
/// <c>given_name</c> and <c>email</c> out, as far as the token's scopes allow (no <c>picture</c>).
/// </summary>
public static class UserInfoEndpoint
{
    public static IEndpointRouteBuilder MapUserInfo(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/oidc/userinfo", ["GET", "POST"], (HttpContext http, IssuedTokenReader reader, DirectoryState directory, PublicOrigin origin, TimeProvider clock) =>
        {
            var header = http.Request.Headers.Authorization.ToString();
            var bearer = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
            var (token, problem) = bearer is null ? (null, IssuedTokenProblem.NotAJwt) : reader.Read(bearer, new Issuance(directory.Current, origin.Value, clock.GetUtcNow()));
            if (token is null || problem != IssuedTokenProblem.None || !Guid.TryParse(token.Audience, out var audience) || audience != FirstPartyApplications.MicrosoftGraphAppId)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                return Results.Json(new { error = new { code = "InvalidAuthenticationToken", message = "Access token is empty, invalid, expired or not for Microsoft Graph." } },
                    statusCode: StatusCodes.Status401Unauthorized);
            }
            var user = token.User;
            var claims = new Dictionary<string, string?> { ["sub"] = token.Jwt.Subject };
            if (token.Scopes.Contains("profile"))
            {
                claims["name"] = user.DisplayName;
                claims["family_name"] = user.Surname;
                claims["given_name"] = user.GivenName;
            }
            if (token.Scopes.Contains("email") && user.Mail is not null) claims["email"] = user.Mail;
            return Results.Json(claims.Where(c => c.Value is not null).ToDictionary());
        });
        return app;
    }
}
