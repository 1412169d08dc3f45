using SharedChannels.Api.Hosting;

namespace SharedChannels.Api.Directory;

/// <summary>The directory did not answer usefully (timeout, 5xx, a malformed body): the owner is told, nothing is changed.</summary>
public static class DirectoryUnavailable
{
    public static ProblemException Because(string why) =>
        new(StatusCodes.Status502BadGateway, "Directory unavailable", $"The organization's directory could not be asked: {why}. Nothing was changed; try again.");

    public static ProblemException TimedOut(TimeSpan after) =>
        new(StatusCodes.Status504GatewayTimeout, "Directory timed out", $"The organization's directory did not answer within {after.TotalSeconds:0.#} s. Nothing was changed; try again.");
}
