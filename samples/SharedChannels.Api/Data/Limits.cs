namespace SharedChannels.Api.Data;

/// <summary>The sizes this API accepts; larger input is refused (400 or 413) before anything is stored.</summary>
public static class Limits
{
    public const int DisplayName = 256;
    public const int MessageContent = 4000;
    public const int FileName = 255;
    public const int FileBytes = 256 * 1024;
    public const int EmailAddress = 254;
    public const int PageSize = 50;
}
