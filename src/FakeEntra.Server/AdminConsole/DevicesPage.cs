using FakeEntra.Server.Graph;
using static FakeEntra.Server.AdminConsole.ConsoleHtml;
using static FakeEntra.Server.SignInPages.Html;

namespace FakeEntra.Server.AdminConsole;

/// <summary><c>/admin/devices</c>: devices registered in this tenant; their compliance and join type are what partners' trust settings accept.</summary>
public static class DevicesPage
{
    public static ConsoleView Render(GraphCaller caller, DirectoryReads reads, UserManagement users)
    {
        var people = users.List(caller).ToDictionary(u => u.Id, u => u.UserPrincipalName);
        return new("Devices", Table("Devices of this organization", ["Display name", "Device id", "Join type", "Compliant", "Operating system", "Owners"],
            reads.Devices(caller).Select(d => new[]
            {
                E(d.DisplayName), $"<code>{d.DeviceId:D}</code>", E(JoinType(d.TrustType)), d.IsCompliant ? "Yes" : "No", E(d.OperatingSystem ?? ""),
                E(string.Join(", ", d.RegisteredOwners.Select(o => people.GetValueOrDefault(o, o.ToString("D"))))),
            })));
    }

    private static string JoinType(string trustType) => trustType switch
    {
        "AzureAd" => "Microsoft Entra joined",
        "ServerAd" => "Microsoft Entra hybrid joined",
        "Workplace" => "Microsoft Entra registered",
        _ => trustType,
    };
}
