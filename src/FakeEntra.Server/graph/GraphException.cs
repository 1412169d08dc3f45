namespace FakeEntra.Server.Graph;

/// <summary>A Graph error: status, Graph's error code and a message, rendered as Graph's error body.</summary>
public sealed class GraphException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;

    public static GraphException Unauthorized(string message) => new(401, "InvalidAuthenticationToken", message);
    public static GraphException Forbidden() => new(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
    public static GraphException BadRequest(string message) => new(400, "Request_BadRequest", message);
    public static GraphException NotFound(string message) => new(404, "Request_ResourceNotFound", message);
}
