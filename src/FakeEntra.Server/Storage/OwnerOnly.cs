using System.Text;

namespace FakeEntra.Server.Storage;

/// <summary>
/// Files that hold secrets (the state file with the token-signing key, Data Protection's keys, the CA's and the server's private
/// keys) and the directories around them are readable by their owner only, as ssh keeps its keys: new ones are created that way,
/// and ones left readable by others are restricted at start. On Windows the user's profile folder already keeps them private.
/// </summary>
public static class OwnerOnly
{
    private const UnixFileMode FileBits = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode DirectoryBits = FileBits | UnixFileMode.UserExecute;

    /// <summary>Creates a directory (and missing parents) that only its owner may enter, or restricts it if it exists.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(path, DirectoryBits);
        Restrict(path);
    }

    /// <summary>Writes a file no one but its owner can read, from its first byte on.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        using (var stream = Open(path, FileMode.Create)) stream.Write(bytes);
        Restrict(path);
    }

    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Encoding.UTF8.GetBytes(text));

    /// <summary>Creates an empty owner-only file unless the file exists, which is kept as it is but restricted.</summary>
    public static void Ensure(string path)
    {
        Open(path, FileMode.OpenOrCreate).Dispose();
        Restrict(path);
    }

    // The creation mode applies to new files only; one that existed keeps its mode until restricted.
    private static FileStream Open(string path, FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileBits;
        return new FileStream(path, options);
    }

    /// <summary>Takes group and other permissions off an existing file or directory; a missing one is left alone.</summary>
    public static void Restrict(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        var isDirectory = Directory.Exists(path);
        if (!isDirectory && !File.Exists(path)) return;
        var wanted = isDirectory ? DirectoryBits : FileBits;
        if ((File.GetUnixFileMode(path) & ~wanted) != 0) File.SetUnixFileMode(path, File.GetUnixFileMode(path) & wanted);
    }
}
