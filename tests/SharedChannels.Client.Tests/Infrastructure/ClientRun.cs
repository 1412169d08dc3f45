namespace SharedChannels.Client.Tests.Infrastructure;

/// <summary>What one run of the client printed and how it exited.</summary>
public sealed record ClientRun(int ExitCode, string Output, string Error)
{
    /// <summary>No .NET stack trace, nor an exception's type name, reached the user.</summary>
    public void AssertNoStackTrace()
    {
        Assert.DoesNotMatch(@"^\s+at [\w.<>`]+", Error);
        Assert.DoesNotContain("Exception", Output + Error);
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
