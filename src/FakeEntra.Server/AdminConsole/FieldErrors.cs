using System.Text.RegularExpressions;
using FakeEntra.Server.Graph;

namespace FakeEntra.Server.AdminConsole;

/// <summary>
/// Where a Graph refusal goes on a form: beside the field whose name is the longest prefix of the refused property's JSON path
/// (<c>b2bDirectConnectInbound.usersAndGroups.targets[0].target</c> → the targets field), otherwise at the top of the form.
/// </summary>
public sealed partial class FieldErrors
{
    private readonly string? _field;
    private readonly string? _message;

    private FieldErrors(string? field, string? message) => (_field, _message) = (field, message);

    public static readonly FieldErrors None = new(null, null);

    public static FieldErrors From(GraphException e, IEnumerable<string> fields)
    {
        var path = e.Property is null ? null : Index().Replace(e.Property, "");
        var field = path is null ? null : fields.Where(f => path.Equals(f, StringComparison.OrdinalIgnoreCase) || path.StartsWith(f + ".", StringComparison.OrdinalIgnoreCase))
            .MaxBy(f => f.Length);
        return new(field, e.Message);
    }

    public bool Any => _message is not null;

    /// <summary>The message for this field, if the refusal is about it.</summary>
    public string? For(string field) => _field is not null && string.Equals(_field, field, StringComparison.OrdinalIgnoreCase) ? _message : null;

    /// <summary>The message when no field of the form takes it.</summary>
    public string? Form => _field is null ? _message : null;

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();
}
