using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static FakeEntra.Server.SignInPages.Html;

namespace FakeEntra.Server.AdminConsole;

/// <summary>
/// The console's markup: labelled fields named by the Graph JSON path they fill, each with its error beside it
/// (announced, and described by it), tables, and the Graph JSON a page reads or a form sends.
/// </summary>
public static partial class ConsoleHtml
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Id(string name) => NonWord().Replace(name, "-");

    public static string ErrorFor(string name, string? error) =>
        error is null ? "" : $"<p class=\"error\" id=\"{Id(name)}-error\" role=\"alert\">{E(error)}</p>";

    private static string Invalid(string name, string? error) => error is null ? "" : $" aria-invalid=\"true\" aria-describedby=\"{Id(name)}-error\"";

    public static string Text(string name, string label, string? value, string? error = null, string? hint = null, string type = "text") =>
        $"""
        <div class="field"><label for="{Id(name)}">{E(label)}</label>
        {Hint(name, hint)}<input type="{type}" id="{Id(name)}" name="{E(name)}" value="{E(value)}"{Invalid(name, error)}{HintRef(name, hint, error)}>
        {ErrorFor(name, error)}</div>
        """;

    /// <summary>A list, one value a line.</summary>
    public static string Lines(string name, string label, IEnumerable<string> values, string? error = null, string? hint = null) =>
        $"""
        <div class="field"><label for="{Id(name)}">{E(label)}</label>
        {Hint(name, hint)}<textarea id="{Id(name)}" name="{E(name)}" rows="3" spellcheck="false"{Invalid(name, error)}{HintRef(name, hint, error)}>{E(string.Join('\n', values))}</textarea>
        {ErrorFor(name, error)}</div>
        """;

    public static string Radios(string name, string legend, IEnumerable<(string Value, string Label)> options, string? selected, string? error = null) =>
        $"""
        <fieldset class="radios"{(error is null ? "" : $" aria-describedby=\"{Id(name)}-error\"")}><legend>{E(legend)}</legend>
        {string.Concat(options.Select(o => $"<div class=\"choice\"><input type=\"radio\" id=\"{Id(name)}-{Id(o.Value)}\" name=\"{E(name)}\" value=\"{E(o.Value)}\"{(o.Value == selected ? " checked" : "")}><label for=\"{Id(name)}-{Id(o.Value)}\">{E(o.Label)}</label></div>"))}
        {ErrorFor(name, error)}</fieldset>
        """;

    public static string Checkbox(string name, string label, bool isChecked, string value = "true") =>
        $"<div class=\"choice\"><input type=\"checkbox\" id=\"{Id(name)}-{Id(value)}\" name=\"{E(name)}\" value=\"{E(value)}\"{(isChecked ? " checked" : "")}><label for=\"{Id(name)}-{Id(value)}\">{E(label)}</label></div>";

    public static string Select(string name, string label, IEnumerable<(string Value, string Label)> options, string? selected, string? error = null) =>
        $"""
        <div class="field"><label for="{Id(name)}">{E(label)}</label>
        <select id="{Id(name)}" name="{E(name)}"{Invalid(name, error)}>{string.Concat(options.Select(o => $"<option value=\"{E(o.Value)}\"{(o.Value == selected ? " selected" : "")}>{E(o.Label)}</option>"))}</select>
        {ErrorFor(name, error)}</div>
        """;

    /// <summary>A table; cells are markup (encode what is text).</summary>
    public static string Table(string caption, IEnumerable<string> headers, IEnumerable<IEnumerable<string>> rows) =>
        $"<table><caption>{E(caption)}</caption><thead><tr>{string.Concat(headers.Select(h => $"<th scope=\"col\">{E(h)}</th>"))}</tr></thead><tbody>" +
        string.Concat(rows.Select(r => $"<tr>{string.Concat(r.Select(c => $"<td>{c}</td>"))}</tr>")) + "</tbody></table>";

    /// <summary>Graph JSON as the page reads or sends it, under a heading that says which call.</summary>
    public static string Json(string heading, string call, JsonNode? json) =>
        $"<section class=\"graph-json\" aria-label=\"{E(heading)}\"><h2>{E(heading)}</h2><p><code>{E(call)}</code></p><pre><code>{E(Pretty(json))}</code></pre></section>";

    public static string Pretty(JsonNode? json) => json?.ToJsonString(Indented) ?? "null";

    /// <summary>A notice announced politely (a change saved).</summary>
    public static string Notice(string? message) => message is null ? "" : $"<p class=\"notice\" role=\"status\">{E(message)}</p>";

    /// <summary>A refusal not tied to one field, at the top of a form.</summary>
    public static string FormError(string? message) => message is null ? "" : $"<p class=\"error\" id=\"form-error\" role=\"alert\">{E(message)}</p>";

    private static string Hint(string name, string? hint) => hint is null ? "" : $"<p class=\"hint\" id=\"{Id(name)}-hint\">{E(hint)}</p>";

    private static string HintRef(string name, string? hint, string? error) =>
        hint is null || error is not null ? "" : $" aria-describedby=\"{Id(name)}-hint\"";

    [GeneratedRegex(@"[^A-Za-z0-9]+")]
    private static partial Regex NonWord();
}
