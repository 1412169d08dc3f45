using Microsoft.Extensions.DependencyInjection.Extensions;
using FakeEntra.Core.Errors;
using FakeEntra.Core.Tenancy;
using FakeEntra.Server.World;
using FakeEntra.Server.Hosting;
using FakeEntra.Server.Token.Grants;

namespace FakeEntra.Server.Token;

/// <summary><c>/{tenant}/oauth2/v2.0/token</c>: resolves the tenant, reads the form and hands it to the grant's handler.</summary>
public static class TokenEndpoint
{
    public static IServiceCollection AddTokenEndpoint(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TokenSigner>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<PayloadKey>();
        services.AddSingleton<RefreshTokenCodec>();
        services.AddSingleton<AioCodec>();
        services.AddSingleton<PasswordVerifier>();
        services.AddSingleton<GrantRevocations>();
        services.AddSingleton<IssuedTokenReader>();
        services.AddSingleton<IGrantHandler, ClientCredentialsGrant>();
        services.AddSingleton<IGrantHandler, PasswordGrant>();
        services.AddSingleton<IGrantHandler, RefreshTokenGrant>();
        services.AddSingleton<IGrantHandler, AuthorizationCodeGrant>();
        services.AddSingleton<IGrantHandler, DeviceCodeGrant>();
        services.AddSingleton<IGrantHandler, OnBehalfOfGrant>();
        return services;
    }

    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        var handlers = app.ServiceProvider.GetServices<IGrantHandler>().SelectMany(h => h.GrantTypes.Select(t => (Type: t, Handler: h)))
            .ToDictionary(p => p.Type, p => p.Handler, StringComparer.Ordinal);
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (string tenant, HttpContext context, DirectoryState directory, PublicOrigin origin, TimeProvider clock) =>
        {
            var snapshot = directory.Current;
            var path = TenantPathResolver.Resolve(tenant, snapshot);
            var request = await TokenRequest.ReadAsync(context, path, snapshot, origin.Value, clock);
            var grantType = request.Required("grant_type");
            var handler = handlers.GetValueOrDefault(grantType) ?? throw new AadException(AadErrors.GrantTypeNotSupported(grantType));
            await (await handler.HandleAsync(request)).WriteAsync(context.Response);
        });
        app.MapMethods("/{tenant}/oauth2/v2.0/token", ["GET", "PUT", "DELETE", "PATCH"], (HttpContext context) =>
            throw new AadException(AadErrors.OnlyPost(context.Request.Method)));
        return app;
    }
}
