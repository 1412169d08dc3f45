namespace FakeEntra.Server.Token.Grants;

/// <summary>One grant type of the token endpoint.</summary>
public interface IGrantHandler
{
    /// <summary>The <c>grant_type</c> values it answers (Entra accepts some under two names).</summary>
    IReadOnlyList<string> GrantTypes { get; }

    Task<TokenResponse> HandleAsync(TokenRequest request);
}
