namespace FakeEntra.Server.Storage;

/// <summary>
/// Copies SQLite's write-ahead log into the state file in the background (a passive checkpoint, which never blocks a writer).
/// SQLite's automatic checkpoint runs inside the commit that crosses 1,000 log pages, so a group commit of sign-in rows now
/// and then waited for a few megabytes of copying and two fsyncs, and every request in its batch with it.
/// <see cref="StateStore"/> turns the automatic checkpoint off on its connections.
/// </summary>
public sealed class WalCheckpointer(StateStore store, ILogger<WalCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    // On a thread of its own: a checkpoint blocks in the disk's writes (uninterruptible waits for pages under writeback), which
    // on the thread pool held one of the few threads that answer requests.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        store.Shared ? Task.CompletedTask : Task.Factory.StartNew(() =>
        {
            // Stopping ends the wait: SQLite checkpoints when the last connection closes.
            while (!stoppingToken.WaitHandle.WaitOne(Interval)) Checkpoint();
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Checkpoint()
    {
        try
        {
            store.Sql(sql => sql.Execute("PRAGMA wal_checkpoint(PASSIVE);"));
        }
        catch (Exception e)
        {
            // The log only grows until the next checkpoint succeeds; nothing committed is at risk.
            logger.LogWarning(e, "The write-ahead log could not be checkpointed; trying again.");
        }
    }
}
