using System.Net.Mail;
using SharedChannels.Api.Data;
using SharedChannels.Api.Hosting;

namespace SharedChannels.Api.Directory;

/// <summary>Owners add people by their full e-mail address; anything else is refused before the directory is asked.</summary>
public static class EmailAddress
{
    public static string Parse(string? value)
    {
        var text = value?.Trim() ?? "";
        if (text.Length is 0 or > Limits.EmailAddress
            || !MailAddress.TryCreate(text, out var address) || address.Address != text || address.DisplayName.Length > 0
            || !address.Host.Contains('.', StringComparison.Ordinal))
            throw ProblemException.BadRequest($"'{Shorten(text)}' is not a full e-mail address (name@organization.example).");
        return text;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
