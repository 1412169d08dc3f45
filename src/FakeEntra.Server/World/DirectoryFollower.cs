using FakeEntra.Server.Token;

namespace FakeEntra.Server.World;

/// <summary>
/// On a database several FakeEntra processes share: polls for changes the others made (a version count, twice a second) and
/// loads them, so a policy changed through one replica applies at the others' next sign-in within about half a second; the
/// same for revoked grants.
/// </summary>
public sealed class DirectoryFollower(DirectoryWriter writer, GrantRevocations revocations, ILogger<DirectoryFollower> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await writer.CatchUpAsync();
                await revocations.RefreshAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database that is briefly unreachable: the next tick tries again.
                logger.LogWarning(e, "Could not read changes made by other FakeEntra processes.");
            }
        }
    }
}
