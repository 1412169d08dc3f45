using SharedChannels.Api.Data;

namespace SharedChannels.Api.Teams;

public sealed record TeamResource(Guid Id, string DisplayName, DateTimeOffset CreatedDateTime)
{
    public static TeamResource Of(Team t) => new(t.Id, t.DisplayName, t.CreatedDateTime);
}

public sealed record CreateTeamRequest(string DisplayName);
