using Microsoft.IdentityModel.Tokens;

namespace FakeEntra.Testing.Tokens;

/// <summary>Token lifetime judged by FakeEntra's clock, so an API under test sees a token expire when the test moves time.</summary>
internal static class ClockLifetime
{
    public static LifetimeValidator Validator(TimeProvider clock) => (notBefore, expires, _, parameters) =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (notBefore is not { } nbf || nbf <= now + parameters.ClockSkew) && (expires is not { } exp || exp >= now - parameters.ClockSkew);
    };
}
