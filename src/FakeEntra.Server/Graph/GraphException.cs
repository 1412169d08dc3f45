using FakeEntra.Core.CrossTenantAccess;

namespace FakeEntra.Server.Graph;

/// <summary>A Graph error: status, Graph's error code and a message, rendered as Graph's error body.</summary>
public sealed class GraphException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    /// <summary>The JSON path of the property the refusal is about, when it is about one (the admin console shows it there).</summary>
    public string? Property { get; init; }

    public static GraphException Unauthorized(string message) => new(401, "InvalidAuthenticationToken", message);
    public static GraphException Forbidden() => new(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
    public static GraphException BadRequest(string message) => new(400, "Request_BadRequest", message);
    public static GraphException BadRequest(string message, string property) => About(property, message);
    public static GraphException NotFound(string message) => new(404, "Request_ResourceNotFound", message);
    public static GraphException PreconditionFailed() =>
        new(412, "Request_PreconditionFailed", "The object changed since it was read: If-Match does not match its current @odata.etag.");
    public static GraphException AlreadyExists(string message, string property) => new(409, "Request_MultipleObjectsWithSameKeyValue", message) { Property = property };

    // Request bodies, in Graph's words: a property is named as the caller sent it, nested ones by their JSON path.
    public static GraphException UnreadableBody(string reason) => BadRequest($"Unable to read JSON request payload: {reason}.");
    public static GraphException BodyTooLarge(int limit) => BadRequest($"The request body is larger than {limit} bytes.");
    public static GraphException InvalidProperty(string property) => About(property, $"Invalid property '{property}'.");
    public static GraphException ReadOnlyProperty(string property) => About(property, $"Property '{property}' is read-only and cannot be set.");
    public static GraphException UnsupportedProperty(string property, string resource) => About(property, $"Property '{property}' of resource '{resource}' is not supported by FakeEntra.");
    public static GraphException ValueRequired(string property, string resource) => About(property, $"A value is required for property '{property}' of resource '{resource}'.");
    public static GraphException InvalidValue(string property, string resource, string expected) =>
        About(property, $"Invalid value specified for property '{property}' of resource '{resource}'; expected {expected}.");

    /// <summary>A value the policy rules (shared with scenario files) refuse.</summary>
    public static GraphException InvalidPolicyValue(PolicyProblem problem) => About(problem.Member, $"Invalid value for '{problem.Member}': {problem.Problem}.");

    private static GraphException About(string property, string message) => new(400, "Request_BadRequest", message) { Property = property };
}
