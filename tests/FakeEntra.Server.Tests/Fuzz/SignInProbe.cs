using System.Text;

namespace FakeEntra.Server.Tests.Fuzz;

/// <summary>
/// A password sign-in at Contoso right after a Graph change, so that what the change stored (a user with odd members, a
/// Conditional Access policy, a cross-tenant setting) meets the sign-in decisions at once, whatever else the run does.
/// </summary>
public static class SignInProbe
{
    public const string Route = "POST /{tenant}/oauth2/v2.0/token (password, after a Graph change)";
    private static readonly string[] Scopes = [World.SharedChannelsScope, FuzzArtifacts.FilesScope, "openid profile offline_access"];
    private static readonly string[] Members = ["alice@contoso.com", "bob@fabrikam.com", "grace@northwind.com", "carol@fabrikam.com", "dan@northwind.com"];

    /// <summary>A sign-in of <paramref name="username"/>, or of a member of the world when the change named no one.</summary>
    public static FuzzCase After(Random random, string change, string? username)
    {
        username ??= random.Pick(Members);
        var form = $"grant_type=password&client_id={World.Client}&username={Uri.EscapeDataString(username)}&password={Uri.EscapeDataString(World.Password)}" +
                   $"&scope={Uri.EscapeDataString(random.Pick(Scopes))}";
        return new FuzzCase
        {
            Method = "POST",
            Target = $"/{World.Contoso}/oauth2/v2.0/token",
            Route = Route,
            Input = $"{username} signs in after {change}",
            Body = Encoding.UTF8.GetBytes(form),
            ContentType = "application/x-www-form-urlencoded",
        };
    }
}
