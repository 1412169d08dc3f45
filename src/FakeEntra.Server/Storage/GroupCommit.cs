using System.Threading.Channels;

namespace FakeEntra.Server.Storage;

/// <summary>
/// Group commit: a request's item joins the next batch and the request waits until that batch is committed (one transaction
/// for everything queued meanwhile, typically a few milliseconds), so what FakeEntra answered survives a crash while a busy
/// token endpoint pays one commit per batch instead of one per request. The queue is bounded: when full, requests wait.
/// </summary>
public abstract class GroupCommit<TItem, TResult>(ILogger logger) : BackgroundService
{
    private const int BatchSize = 500;

    private sealed record Pending(TItem Item, TaskCompletionSource<TResult> Done);

    private readonly Channel<Pending> _queue =
        Channel.CreateBounded<Pending>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    // Set by each writer: wakes the committing thread directly.
    private readonly ManualResetEventSlim _queued = new(false);

    /// <summary>What the items are, for the log line of a failed batch.</summary>
    protected abstract string Items { get; }

    /// <summary>Writes the batch in one transaction and returns one result per item, in the items' order.</summary>
    protected abstract Task<IReadOnlyList<TResult>> WriteBatchAsync(IReadOnlyList<TItem> batch);

    /// <summary>The item's result, once the batch holding it is committed.</summary>
    protected async Task<TResult> CommitAsync(TItem item)
    {
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync(new Pending(item, done));
        _queued.Set();
        return await done.Task;
    }

    /// <summary>
    /// Commits on a thread of its own, which the writers wake directly: a reader awaiting the channel was queued on the thread
    /// pool behind the requests, so each batch began a queue's length late.
    /// </summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Commit(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Commit(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>();
        try
        {
            while (true)
            {
                _queued.Wait(stoppingToken);
                // Reset before draining: an item queued from here on sets the event again, so none waits for a later one.
                _queued.Reset();
                // Lets the requests already running queue their items first, so one commit takes them all (a no-op when idle).
                Thread.Yield();
                DrainAsync(batch).GetAwaiter().GetResult();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: commit what is left below.
        }
        DrainAsync(batch).GetAwaiter().GetResult();
    }

    private async Task DrainAsync(List<Pending> batch)
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
        try
        {
            var results = await WriteBatchAsync([.. batch.Select(p => p.Item)]);
            for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(results[i]);
        }
        catch (Exception e)
        {
            // The requests waiting on this batch fail rather than answer without it.
            logger.LogError(e, "Could not commit a batch of {Count} {Items}.", batch.Count, Items);
            foreach (var pending in batch) pending.Done.TrySetException(e);
        }
        batch.Clear();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }
}
