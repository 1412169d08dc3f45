using FakeEntra.Server.Signing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FakeEntra.Server.Token;

/// <summary>Signs claim sets as RS256 JWTs with header <c>typ: JWT</c>, <c>alg</c> and <c>kid</c>, as Entra's v2 tokens have.</summary>
public sealed class TokenSigner(SigningKeyRing keys)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string Sign(Dictionary<string, object> claims) => _handler.CreateToken(new SecurityTokenDescriptor
    {
        Claims = claims,
        SigningCredentials = keys.Active.Credentials,
        TokenType = "JWT",
    });
}
