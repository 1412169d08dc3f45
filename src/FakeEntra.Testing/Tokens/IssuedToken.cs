using Microsoft.IdentityModel.JsonWebTokens;

namespace FakeEntra.Testing.Tokens;

/// <summary>What a token response would have carried.</summary>
public sealed record IssuedToken(string AccessToken, string? IdToken, string? RefreshToken)
{
    /// <summary>The access token decoded, to read claims in asserts.</summary>
    public JsonWebToken Read() => new(AccessToken);

    public override string ToString() => AccessToken;
}
