namespace FakeEntra.Server.Tests.Fuzz;

/// <summary>Scope values from the world's resources, plus ones Entra refuses (two resources, empty parts, <c>.default</c> combined).</summary>
public static class Scopes
{
    private static readonly string[] All =
    [
        "openid", "openid profile offline_access", World.SharedChannelsScope, World.SharedChannelsDefault, "openid offline_access " + World.SharedChannelsScope,
        FuzzArtifacts.FilesScope, "https://graph.microsoft.com/.default", "User.Read", "openid email User.Read", "api://unknown/x", World.SharedChannelsScope + " " + FuzzArtifacts.FilesScope,
        ".default", "/", "api://x/", "offline_access", "User.Read https://graph.microsoft.com/.default", World.SharedChannelsApi + "/.default",
        World.SharedChannelsDefault + " " + World.SharedChannelsScope, "openid openid openid", "OPENID PROFILE",
    ];

    public static string Pick(Random random) => random.Pick(All);
}
