using System.Xml.Linq;
using FakeEntra.Server.Storage.Rows;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace FakeEntra.Server.Storage;

/// <summary>
/// Data Protection's keys (they encrypt refresh tokens, the session cookie and the pages' <c>ctx</c>) in the state file, so
/// they are as durable and as private as the signing key, and one store holds everything a restart needs.
/// </summary>
public sealed class StateKeyRepository(StateStore store) : IXmlRepository
{
    // Read when the key ring loads, at start: in plain SQL (see StateSql).
    public IReadOnlyCollection<XElement> GetAllElements() =>
        store.Sql(sql => sql.Read("""SELECT "Xml" FROM "DataProtectionKeys" ORDER BY "Id" """, r => XElement.Parse(r.GetString(0))));

    // A first start makes its key as it starts.
    public void StoreElement(XElement element, string friendlyName) =>
        store.Append(new DataProtectionKeyRow { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });

    /// <summary>
    /// Versions before the state file held them kept the keys as files in <c>{data}/keys</c>: they move into the store (so refresh
    /// tokens and sessions issued before the upgrade stay valid) and the folder goes.
    /// </summary>
    public static void ImportFolder(StateStore store, string directory)
    {
        if (!Directory.Exists(directory)) return;
        var files = Directory.GetFiles(directory, "*.xml");
        store.Write(db =>
        {
            if (db.DataProtectionKeys.Any()) return;
            db.DataProtectionKeys.AddRange(files.Order(StringComparer.Ordinal).Select(file => new DataProtectionKeyRow
            {
                FriendlyName = Path.GetFileNameWithoutExtension(file),
                Xml = XElement.Load(file).ToString(SaveOptions.DisableFormatting),
            }));
        });
        Directory.Delete(directory, recursive: true);
    }
}
