using System.Text;

namespace SharedChannels.Client.Cli;

/// <summary><c>--help</c>: every command and option of <see cref="Catalog"/>, and what the exit codes mean.</summary>
public static class HelpText
{
    public static string Build()
    {
        var text = new StringBuilder();
        text.AppendLine("SharedChannels.Client: use Contoso's Shared Channels API as a user of your own organization (B2B direct connect).");
        text.AppendLine("You sign in once at your home organization; tokens of the resource tenant (Contoso) then come silently from");
        text.AppendLine("that sign-in. When the resource tenant needs you to interact (accept its privacy statement, a changed policy),");
        text.AppendLine("the client says why and signs you in there: device code, or the password grant with --password.");
        text.AppendLine();
        text.AppendLine("Usage: SharedChannels.Client COMMAND [ARGUMENTS] [OPTIONS]");
        text.AppendLine();
        text.AppendLine("Commands:");
        foreach (var c in Catalog.Commands)
            text.AppendLine($"  {$"{c.Name} {c.Arguments}".TrimEnd(),-32} {c.Description}");
        text.AppendLine();
        text.AppendLine("Options:");
        foreach (var o in Catalog.Options)
            text.AppendLine($"  {$"{o.Name} {o.Value}".TrimEnd(),-32} {o.Description}");
        text.AppendLine();
        text.AppendLine("Exit codes: 0 done; 1 refused (an AADSTS error or the API's problem details) or unreachable; 2 bad usage.");
        return text.ToString();
    }
}
