namespace FakeEntra.Core.Errors;

/// <summary>One AADSTS code as Entra answers it: the OAuth <c>error</c>, HTTP status and optional <c>suberror</c>.</summary>
public sealed record AadErrorDefinition(int Code, string Name, string Error, int HttpStatus, string? Suberror = null)
{
    public AadError With(string message) => new(this, message);
}

/// <summary>A refusal with its rendered message (the text after <c>AADSTSnnnn: </c>).</summary>
public sealed record AadError(AadErrorDefinition Definition, string Message)
{
    public int Code => Definition.Code;
    public string Error => Definition.Error;
    public int HttpStatus => Definition.HttpStatus;
    public override string ToString() => $"AADSTS{Code}: {Message}";
}

/// <summary>Raised where a request cannot go on; the host renders it in Entra's shape.</summary>
public sealed class AadException(AadError error) : Exception(error.ToString())
{
    public AadError Error { get; } = error;
}
