using System.Diagnostics;

namespace FakeEntra.Bench;

public static class Stats
{
    public static double Median(IReadOnlyList<double> values) => Percentile(values, 50);

    public static double Percentile(IReadOnlyList<double> values, double percentile)
    {
        var sorted = values.Order().ToArray();
        var rank = percentile / 100 * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    /// <summary>Requests per second with <paramref name="concurrency"/> callers sharing <paramref name="total"/> calls.</summary>
    public static async Task<double> Throughput(Func<Task> call, int concurrency, int total)
    {
        var remaining = total;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0) await call();
        }));
        return total / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
