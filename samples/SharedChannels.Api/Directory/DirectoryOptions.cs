namespace SharedChannels.Api.Directory;

/// <summary>
/// How the API reaches the resource tenant's directory (section <c>Directory</c>): a confidential client with directory read
/// permission in Microsoft Graph, the Graph base address, and how long one call may take.
/// </summary>
public sealed class DirectoryOptions
{
    /// <summary>Graph's origin: <c>https://graph.microsoft.com</c> for Entra; FakeEntra serves Graph on its own origin.</summary>
    public string GraphBaseUrl { get; set; } = "https://graph.microsoft.com";

    /// <summary>The resource of the app token, e.g. <c>https://graph.microsoft.com/.default</c>.</summary>
    public string GraphScope { get; set; } = "https://graph.microsoft.com/.default";

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
