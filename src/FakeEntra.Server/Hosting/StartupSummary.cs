using System.Text;
using FakeEntra.Server.Certificates;
using FakeEntra.Server.World;
using Microsoft.Extensions.Options;

namespace FakeEntra.Server.Hosting;

/// <summary>What a person needs once the server listens: where it is, where its state is, which CA to trust and how, the tenants.</summary>
public static class StartupSummary
{
    public static string Render(IServiceProvider services)
    {
        var origin = services.GetRequiredService<PublicOrigin>().Value;
        var options = services.GetRequiredService<IOptions<FakeEntraOptions>>().Value;
        var world = services.GetRequiredService<DirectoryState>().Current;
        var text = new StringBuilder();
        text.AppendLine($"FakeEntra is listening on {origin}");
        text.AppendLine($"  Start page:     {origin}/");
        text.AppendLine($"  Authority:      {origin}/{{tenant}}/v2.0");
        text.AppendLine($"  Inspector:      {origin}/inspect");
        text.AppendLine($"  Data directory: {options.DataDirectory}");
        if (options.CertificatePath is { } certificate)
            text.AppendLine($"  HTTPS:          certificate {certificate} (configured)");
        else
        {
            var ca = new DevCertificateAuthority.Files(Path.Combine(options.DataDirectory, "certs")).CaCertificate;
            text.AppendLine($"  Local CA:       {ca}");
            text.AppendLine($"  Trust it once:  {TrustCommand(ca)}");
        }
        text.AppendLine($"  Tenants ({world.Tenants.Count}):");
        foreach (var tenant in world.Tenants)
            text.AppendLine($"    {tenant.Organization.DisplayName,-24} {tenant.Organization.DefaultDomain,-28} {tenant.Id:D}");
        text.Append("One line per sign-in decision follows; --verbose adds ASP.NET Core's request logs.");
        return text.ToString();
    }

    /// <summary>This operating system's command from certs/README.md.</summary>
    private static string TrustCommand(string ca) =>
        OperatingSystem.IsWindows() ? $"Import-Certificate -FilePath \"{ca}\" -CertStoreLocation Cert:\\CurrentUser\\Root"
        : OperatingSystem.IsMacOS() ? $"sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain \"{ca}\""
        : $"sudo cp \"{ca}\" /usr/local/share/ca-certificates/fakeentra-ca.crt && sudo update-ca-certificates (see certs/README.md)";
}
