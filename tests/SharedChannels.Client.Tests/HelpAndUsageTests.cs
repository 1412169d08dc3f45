using SharedChannels.Client.Tests.Infrastructure;

namespace SharedChannels.Client.Tests;

public sealed class HelpAndUsageTests
{
    [Fact]
    public async Task Help_documents_every_command_and_option_and_exits_zero()
    {
        var run = await ClientProcess.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        string[] commands = ["signin", "signout", "token", "teams", "create-team NAME", "add-team-member TEAM EMAIL", "channels [TEAM]",
            "create-channel TEAM NAME", "members CHANNEL", "add-member CHANNEL EMAIL", "messages CHANNEL", "post CHANNEL TEXT"];
        string[] options = ["--user UPN", "--password PASSWORD", "--otp CODE", "--otp-secret BASE32", "--accept-privacy-statement", "--show-token",
            "--top N", "--all", "--owner", "--standard", "--tenant TENANT", "--fakeentra URL", "--api URL", "--ca PATH", "--cache PATH",
            "--client-id ID", "--scope SCOPE", "--help"];
        foreach (var usage in commands.Concat(options))
            Assert.Matches($@"(?m)^  {System.Text.RegularExpressions.Regex.Escape(usage)}\s+\S", run.Output);
        Assert.Contains("default https://localhost:5443", run.Output);
        Assert.Contains("Exit codes:", run.Output);
    }

    [Theory]
    [InlineData("", "no command given")]
    [InlineData("launch", "unknown command launch")]
    [InlineData("post only-a-channel", "post takes CHANNEL TEXT")]
    [InlineData("token --colour", "unknown option --colour")]
    [InlineData("messages c1 --top many", "--top takes a number from 1 to 999")]
    [InlineData("token --password secret", "--password needs --user")]
    [InlineData("token --fakeentra http://localhost:5443", "--fakeentra must be an https origin such as https://localhost:5443, not 'http://localhost:5443'")]
    [InlineData("token --otp-secret not*base32", "--otp-secret is not base32")]
    public async Task Bad_usage_is_one_line_and_exit_code_2(string args, string message)
    {
        var run = await ClientProcess.RunAsync(args.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"SharedChannels.Client: {message}. See --help.", run.Error.Trim());
        run.AssertNoStackTrace();
    }
}
