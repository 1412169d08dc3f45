using System.Threading.Channels;
using FakeEntra.Core.Monitoring;

namespace FakeEntra.Server.SignInLogs;

/// <summary>
/// Takes sign-in rows off the request path: a bounded channel (a full one makes requests wait rather than drop rows),
/// drained in batches by a background writer, and emptied before the server stops.
/// </summary>
public sealed class SignInLogWriter(SignInLogStore store, ILogger<SignInLogWriter> logger) : BackgroundService
{
    private readonly Channel<(Guid TenantId, SignIn Row)> _queue =
        Channel.CreateBounded<(Guid, SignIn)>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    public ValueTask WriteAsync(Guid tenantId, SignIn row) => _queue.Writer.WriteAsync((tenantId, row));

    /// <summary>Resolves when every row written so far is in the store (for tests and shutdown).</summary>
    public async Task FlushAsync()
    {
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_flushes) _flushes.Add(marker);
        await _queue.Writer.WriteAsync((Guid.Empty, FlushMarker));
        await marker.Task;
    }

    private static readonly SignIn FlushMarker = new()
    {
        Id = Guid.Empty,
        CreatedDateTime = default,
        CorrelationId = default,
        UserId = default,
        UserPrincipalName = "",
        UserType = "",
        AppId = default,
        ResourceId = default,
        HomeTenantId = default,
        ResourceTenantId = default,
        CrossTenantAccessType = "",
        IsInteractive = false,
        AuthenticationRequirement = "",
        ConditionalAccessStatus = "",
        Status = new(0, null, null),
    };

    private readonly List<TaskCompletionSource> _flushes = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(Guid, SignIn)>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken)) Drain(batch);
        }
        catch (OperationCanceledException)
        {
            // Stopping: write what is left below.
        }
        Drain(batch);
    }

    private void Drain(List<(Guid TenantId, SignIn Row)> batch)
    {
        var flushed = false;
        while (batch.Count < 500 && _queue.Reader.TryRead(out var item))
        {
            if (ReferenceEquals(item.Row, FlushMarker)) flushed = true;
            else batch.Add(item);
        }
        if (batch.Count > 0)
        {
            try
            {
                store.Append(batch);
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException)
            {
                logger.LogError(e, "Could not write {Count} sign-in rows.", batch.Count);
            }
            batch.Clear();
        }
        if (!flushed) return;
        lock (_flushes)
        {
            foreach (var flush in _flushes) flush.TrySetResult();
            _flushes.Clear();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }
}
