using SharedChannels.Api.Data;
using SharedChannels.Api.Hosting;

namespace SharedChannels.Api.Teams;

/// <summary>Names of teams and channels: 1 to <see cref="Limits.DisplayName"/> characters, trimmed, no control characters.</summary>
public static class DisplayNames
{
    public static string Parse(string? value, string of)
    {
        var name = value?.Trim() ?? "";
        if (name.Length is 0 or > Limits.DisplayName || name.Any(char.IsControl))
            throw ProblemException.BadRequest($"A {of}'s displayName must be 1 to {Limits.DisplayName} characters, without control characters.");
        return name;
    }
}
