using FakeEntra.Core.Errors;

namespace FakeEntra.Testing;

/// <summary>FakeEntra refused to issue a token, with the AADSTS error a flow would have answered.</summary>
public sealed class TokenRefusedException : Exception
{
    internal TokenRefusedException(AadError error) : base(error.ToString())
    {
        Code = error.Code;
        Error = error.Error;
        Description = error.Message;
    }

    /// <summary>The AADSTS number, e.g. 65001.</summary>
    public int Code { get; }

    /// <summary>The OAuth error, e.g. <c>invalid_grant</c>.</summary>
    public string Error { get; }

    public string Description { get; }
}
