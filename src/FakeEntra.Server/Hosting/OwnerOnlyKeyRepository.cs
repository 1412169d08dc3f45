using System.Xml.Linq;
using FakeEntra.Server.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace FakeEntra.Server.Hosting;

/// <summary>
/// Data Protection's keys (they encrypt refresh tokens and the sign-in pages' <c>ctx</c>) in the data directory's <c>keys</c>
/// folder, readable by their owner only: the file-system repository writes them with the default mode, so each is restricted
/// once written (inside a folder no one else may enter, so none is ever exposed).
/// </summary>
public sealed class OwnerOnlyKeyRepository(IXmlRepository files, string directory) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => files.GetAllElements();

    public void StoreElement(XElement element, string friendlyName)
    {
        files.StoreElement(element, friendlyName);
        Restrict(directory);
    }

    /// <summary>Creates the folder owner-only, or restricts it and every key in it that an older version left readable.</summary>
    public static void Restrict(string directory)
    {
        OwnerOnly.CreateDirectory(directory);
        foreach (var file in Directory.EnumerateFiles(directory)) OwnerOnly.Restrict(file);
    }
}
