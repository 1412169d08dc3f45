using System.Threading.Channels;
using FakeEntra.Core.Monitoring;

namespace FakeEntra.Server.SignInLogs;

/// <summary>
/// Group commit of sign-in rows: a request's rows join the next batch and the request waits until that batch is committed
/// (one transaction for everything queued meanwhile, typically a few milliseconds), so no answered sign-in lacks its rows
/// after a crash. The queue is bounded: when full, requests wait rather than drop rows.
/// </summary>
public sealed class SignInLogWriter(SignInLogStore store, ILogger<SignInLogWriter> logger) : BackgroundService
{
    private const int BatchSize = 500;

    private sealed record Pending(IReadOnlyList<(Guid TenantId, SignIn Row)> Rows, TaskCompletionSource Written);

    private readonly Channel<Pending> _queue =
        Channel.CreateBounded<Pending>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    /// <summary>Completes when the rows (one decision's, in each tenant it touched) are committed, together.</summary>
    public async Task WriteAsync(IReadOnlyList<(Guid TenantId, SignIn Row)> rows)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync(new Pending(rows, written));
        await written.Task;
    }

    /// <summary>Completes when every row queued so far is committed.</summary>
    public Task FlushAsync() => WriteAsync([]);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken)) await CommitAsync(batch);
        }
        catch (OperationCanceledException)
        {
            // Stopping: commit what is left below.
        }
        await CommitAsync(batch);
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        while (_queue.Reader.TryRead(out var pending))
        {
            batch.Add(pending);
            if (batch.Count < BatchSize) continue;
            await CommitBatchAsync(batch);
        }
        if (batch.Count > 0) await CommitBatchAsync(batch);
    }

    private async Task CommitBatchAsync(List<Pending> batch)
    {
        var rows = batch.SelectMany(p => p.Rows).ToList();
        try
        {
            if (rows.Count > 0) await store.AppendAsync(rows);
            foreach (var pending in batch) pending.Written.TrySetResult();
        }
        catch (Exception e)
        {
            // The sign-ins waiting on these rows fail rather than answer without them.
            logger.LogError(e, "Could not write {Count} sign-in rows.", rows.Count);
            foreach (var pending in batch) pending.Written.TrySetException(e);
        }
        batch.Clear();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }
}
