using Microsoft.Identity.Client;

namespace SharedChannels.Client.SignIn;

/// <summary>
/// Keeps MSAL's token cache in a file between runs (MSAL's own serialization), so one home sign-in serves later commands.
/// It holds refresh tokens: the folder and the file are created readable by their owner only.
/// </summary>
public static class TokenCacheFile
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Bind(ITokenCache cache, string path)
    {
        cache.SetBeforeAccess(args =>
        {
            if (File.Exists(path)) args.TokenCache.DeserializeMsalV3(File.ReadAllBytes(path), shouldClearExistingCache: true);
        });
        cache.SetAfterAccess(args =>
        {
            if (args.HasStateChanged) Write(path, args.TokenCache.SerializeMsalV3());
        });
    }

    private static void Write(string path, byte[] bytes)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows())
        {
            // The default folder is under the user's profile, which Windows already keeps to its owner.
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(path, bytes);
            return;
        }
        Directory.CreateDirectory(folder, OwnerReadWrite | UnixFileMode.UserExecute);
        // Written beside and renamed, so a run cut short never leaves half a cache; new files are owner-only from the first byte.
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = OwnerReadWrite }))
            stream.Write(bytes);
        File.SetUnixFileMode(temporary, OwnerReadWrite);
        File.Move(temporary, path, overwrite: true);
    }
}
