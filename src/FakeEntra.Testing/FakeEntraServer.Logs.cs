using FakeEntra.Core.Monitoring;
using FakeEntra.Server.Graph;
using FakeEntra.Server.SignInLogs;
using Microsoft.Extensions.DependencyInjection;

namespace FakeEntra.Testing;

/// <summary>What happened, as a tenant's admin reads it in the sign-in and audit logs.</summary>
public sealed partial class FakeEntraServer
{
    /// <summary>A tenant's sign-in rows, newest first, including every sign-in decided before this call.</summary>
    public async Task<IReadOnlyList<SignIn>> SignInsAsync(string tenantId, int top = 100)
    {
        // Rows are written off the request path; wait until the ones already decided are stored.
        await Services.GetRequiredService<SignInLogWriter>().FlushAsync();
        return Services.GetRequiredService<SignInLogStore>().Read(Guid.Parse(tenantId), top);
    }

    /// <summary>A tenant's directory audit rows (admin changes through Graph), newest first.</summary>
    public IReadOnlyList<DirectoryAudit> Audits(string tenantId) => Services.GetRequiredService<DirectoryAuditStore>().Read(Guid.Parse(tenantId));
}
