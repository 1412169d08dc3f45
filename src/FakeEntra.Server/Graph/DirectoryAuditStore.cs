using System.Text.Json;
using FakeEntra.Core.Monitoring;
using FakeEntra.Core.Scenarios;
using FakeEntra.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace FakeEntra.Server.Graph;

/// <summary>Audit rows in the state file; each is written in the transaction of the change it records (<see cref="DirectoryTransaction.Audit"/>).</summary>
public sealed class DirectoryAuditStore(StateStore store)
{
    public IReadOnlyList<DirectoryAudit> Read(Guid tenantId)
    {
        using var db = store.Open();
        return [.. db.DirectoryAudits.AsNoTracking().Where(a => a.TenantId == tenantId).OrderByDescending(a => a.Created).ThenByDescending(a => a.Sequence)
            .Select(a => a.Json).AsEnumerable().Select(json => JsonSerializer.Deserialize<DirectoryAudit>(json, DirectoryJson.Options)!)];
    }
}
