namespace FakeEntra.Server.Token.Grants;

/// <summary>One grant type of the token endpoint.</summary>
public interface IGrantHandler
{
    string GrantType { get; }

    TokenResponse Handle(TokenRequest request);
}
