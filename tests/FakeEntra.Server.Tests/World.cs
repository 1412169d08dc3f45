namespace FakeEntra.Server.Tests;

/// <summary>Ids of the built-in default world (docs/default-world.md).</summary>
public static class World
{
    public const string Contoso = "6a89cd33-4bf7-4174-9b3b-8ed777182b4e";
    public const string Fabrikam = "641fb213-6aa7-422e-9fea-915a8e22bf84";
    public const string Northwind = "58f608f4-ae3a-4c65-bf23-69c7099a405c";
    public const string Alice = "089502b6-21d2-4399-960f-0f79f7be721e";
    public const string Bob = "04f2f0f9-8fbd-4f23-b9cd-dd1c05b7fcc0";
    public const string Password = "Passw0rd!";
    public const string SharedChannelsApi = "fcac6b54-23d1-4161-ab28-3ab64be2a67d";
    public const string SharedChannelsScope = "api://fcac6b54-23d1-4161-ab28-3ab64be2a67d/Channels.ReadWrite";
    public const string SharedChannelsDefault = "api://fcac6b54-23d1-4161-ab28-3ab64be2a67d/.default";
    public const string FilesApi = "b6c7cace-ed66-497d-814d-480a90eb0bac";
    public const string FilesScope = "api://b6c7cace-ed66-497d-814d-480a90eb0bac/Files.ReadWrite";
    public const string Client = "13e7214c-6687-4074-86ae-bf38154aaef1";
    public const string Daemon = "3ecf7814-4a1a-42fc-91a7-b5dfa2b60f7f";
    public const string DaemonSecret = "Daemon~Secret~0001";
}
