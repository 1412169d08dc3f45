using System.Text.Json;
using System.Text.Json.Serialization;

namespace FakeEntra.Core.Scenarios;

/// <summary>JSON settings shared by scenario files and the store: Graph's camelCase names, strict about unknown members.</summary>
public static class DirectoryJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };
}
