namespace SharedChannels.Api.Hosting;

/// <summary>A refusal the caller can act on: answered as RFC 7807 problem details, after which nothing has been changed.</summary>
public sealed class ProblemException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;

    public static ProblemException BadRequest(string detail) => new(StatusCodes.Status400BadRequest, "Bad request", detail);
    public static ProblemException NotFound(string detail) => new(StatusCodes.Status404NotFound, "Not found", detail);
    public static ProblemException Forbidden(string detail) => new(StatusCodes.Status403Forbidden, "Forbidden", detail);
    public static ProblemException Conflict(string detail) => new(StatusCodes.Status409Conflict, "Conflict", detail);
    public static ProblemException TooLarge(string detail) => new(StatusCodes.Status413PayloadTooLarge, "Payload too large", detail);
}
