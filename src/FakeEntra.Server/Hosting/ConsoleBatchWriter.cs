using System.Collections.Concurrent;
using System.Text;

namespace FakeEntra.Server.Hosting;

/// <summary>
/// Writes console lines from one background thread, a batch at a time. The framework's console logger wakes its thread for
/// every line: under load each sign-in's line cost about four context switches (measured on the password grant, server on one
/// core). Here the first line after a quiet spell wakes the thread, which waits 20 ms for the lines that follow and writes them
/// all with one call: a line shows up to 20 ms late, and under load the thread wakes fifty times a second, each wake-up
/// preempting a request (it waited 5 ms before). When the console cannot keep up, writers wait, as with the framework's logger.
/// </summary>
public sealed class ConsoleBatchWriter : IDisposable
{
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(20);
    private const int MaxPending = 10_000;

    private readonly ConcurrentQueue<(string Text, bool Error)> _pending = new();
    private readonly ManualResetEventSlim _wake = new();
    private readonly Thread _thread;
    private readonly TextWriter _out;
    private readonly TextWriter _error;
    private int _signalled;
    private volatile bool _stopping;

    public ConsoleBatchWriter(TextWriter output, TextWriter error)
    {
        (_out, _error) = (output, error);
        _thread = new Thread(Run) { IsBackground = true, Name = "FakeEntra console writer" };
        _thread.Start();
    }

    public void Enqueue(string text, bool error)
    {
        // Back-pressure: a console nobody reads (a full pipe) must not grow the queue without end.
        while (_pending.Count >= MaxPending && !_stopping) Thread.Sleep(1);
        _pending.Enqueue((text, error));
        if (Interlocked.Exchange(ref _signalled, 1) == 0) _wake.Set();
    }

    private void Run()
    {
        var output = new StringBuilder();
        var errors = new StringBuilder();
        while (!_stopping)
        {
            _wake.Wait();
            if (!_stopping) Thread.Sleep(Gather);
            Volatile.Write(ref _signalled, 0);
            _wake.Reset();
            Drain(output, errors);
        }
    }

    private void Drain(StringBuilder output, StringBuilder errors)
    {
        while (_pending.TryDequeue(out var line)) (line.Error ? errors : output).Append(line.Text);
        Write(_out, output);
        Write(_error, errors);
    }

    private static void Write(TextWriter writer, StringBuilder text)
    {
        if (text.Length == 0) return;
        try
        {
            writer.Write(text.ToString());
            writer.Flush();
        }
        catch (IOException)
        {
            // A closed console: the lines have nowhere to go.
        }
        text.Clear();
    }

    /// <summary>Writes what is pending and stops the thread.</summary>
    public void Dispose()
    {
        _stopping = true;
        _wake.Set();
        _thread.Join(TimeSpan.FromSeconds(2));
        Drain(new StringBuilder(), new StringBuilder());
        _wake.Dispose();
    }
}
