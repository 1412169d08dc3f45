using FakeEntra.Core.Monitoring;
using FakeEntra.Server.Storage;

namespace FakeEntra.Server.SignInLogs;

/// <summary>
/// Sign-in rows by group commit: a decision's rows are committed before its answer leaves, so no answered sign-in lacks its
/// rows after a crash.
/// </summary>
public sealed class SignInLogWriter(SignInLogStore store, ILogger<SignInLogWriter> logger)
    : GroupCommit<IReadOnlyList<(Guid TenantId, SignIn Row)>, bool>(logger)
{
    protected override string Items => "sign-ins' rows";

    /// <summary>Completes when the rows (one decision's, in each tenant it touched) are committed, together.</summary>
    public Task WriteAsync(IReadOnlyList<(Guid TenantId, SignIn Row)> rows) => CommitAsync(rows);

    /// <summary>Completes when every row queued so far is committed.</summary>
    public Task FlushAsync() => WriteAsync([]);

    protected override async Task<IReadOnlyList<bool>> WriteBatchAsync(IReadOnlyList<IReadOnlyList<(Guid TenantId, SignIn Row)>> batch)
    {
        var rows = batch.SelectMany(rows => rows).ToList();
        if (rows.Count > 0) await store.AppendAsync(rows);
        return [.. batch.Select(_ => true)];
    }
}
