namespace FakeEntra.Testing.World;

/// <summary>Fixed ids and secrets of FakeEntra's built-in world (Contoso, Fabrikam, Northwind, Litware).</summary>
public static class DefaultWorld
{
    public const string Contoso = "6a89cd33-4bf7-4174-9b3b-8ed777182b4e";
    public const string Fabrikam = "641fb213-6aa7-422e-9fea-915a8e22bf84";
    public const string Northwind = "58f608f4-ae3a-4c65-bf23-69c7099a405c";
    public const string Litware = "9b857bb0-5fb4-4a8c-a685-a9b12a25ae3e";

    /// <summary>Every user's password.</summary>
    public const string Password = "Passw0rd!";
    /// <summary>Every TOTP authenticator's base32 secret (RFC 6238, SHA-1, 6 digits, 30 s).</summary>
    public const string TotpSecret = "JBSWY3DPEHPK3PXP";

    public const string Alice = "089502b6-21d2-4399-960f-0f79f7be721e";
    public const string Bob = "04f2f0f9-8fbd-4f23-b9cd-dd1c05b7fcc0";
    public const string Carol = "cf8466f4-ee8c-434d-9d5b-7831fc4f1448";
    public const string Dan = "3e0485c7-5738-4d82-a6ef-0061e00d2315";
    public const string Eve = "6a035396-2808-4191-8884-80d34ed44038";
    /// <summary>Fabrikam's Marketing group (bob).</summary>
    public const string Marketing = "4b482ed1-2c44-46a5-a281-3faa7928b39f";

    /// <summary>Bob's compliant, Entra-joined laptop in Fabrikam.</summary>
    public const string FabrikamLaptop = "ac900416-06e0-4805-8c85-ad88f36a98e4";
    /// <summary>Bob's hybrid-joined, non-compliant desktop in Fabrikam.</summary>
    public const string FabrikamDesktop = "25f4ff4e-afdc-450d-b07a-d02aa0a2e3b0";

    /// <summary>Contoso's Shared Channels API (usable over B2B direct connect).</summary>
    public const string SharedChannelsApi = "fcac6b54-23d1-4161-ab28-3ab64be2a67d";
    public const string SharedChannelsScope = "api://fcac6b54-23d1-4161-ab28-3ab64be2a67d/Channels.ReadWrite";
    public const string SharedChannelsDefault = "api://fcac6b54-23d1-4161-ab28-3ab64be2a67d/.default";
    /// <summary>Contoso Files API (Conditional Access: compliant or hybrid-joined device for external users).</summary>
    public const string FilesApi = "b6c7cace-ed66-497d-814d-480a90eb0bac";
    public const string FilesScope = "api://b6c7cace-ed66-497d-814d-480a90eb0bac/Files.ReadWrite";
    /// <summary>Shared Channels Client: a multi-tenant public client.</summary>
    public const string Client = "13e7214c-6687-4074-86ae-bf38154aaef1";
    /// <summary>Contoso Daemon: a confidential client granted Channels.Read.All.</summary>
    public const string Daemon = "3ecf7814-4a1a-42fc-91a7-b5dfa2b60f7f";
    public const string DaemonSecret = "Daemon~Secret~0001";
}
