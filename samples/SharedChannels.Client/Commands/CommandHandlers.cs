using System.Globalization;
using SharedChannels.Client.Api;

namespace SharedChannels.Client.Commands;

/// <summary>What each command does, given its positional arguments; output is one line per item, ids first to copy.</summary>
public static class CommandHandlers
{
    public static Task RunAsync(Session session, string command, IReadOnlyList<string> args) => command switch
    {
        "signin" => SignInAsync(session),
        "signout" => SignOutAsync(session),
        "token" => TokenAsync(session),
        "teams" => TeamsAsync(session),
        "create-team" => CreateTeamAsync(session, args[0]),
        "add-team-member" => AddTeamMemberAsync(session, args[0], args[1]),
        "channels" => ChannelsAsync(session, args.Count > 0 ? args[0] : null),
        "create-channel" => CreateChannelAsync(session, args[0], args[1]),
        "members" => MembersAsync(session, args[0]),
        "add-member" => AddMemberAsync(session, args[0], args[1]),
        "messages" => MessagesAsync(session, args[0]),
        "post" => PostAsync(session, args[0], args[1]),
        _ => throw new InvalidOperationException($"No handler for {command}"),
    };

    private static async Task SignInAsync(Session session)
    {
        var account = await session.Authenticator.SignInAtHomeAsync();
        await session.Out.WriteLineAsync($"{account.Username} home tenant {account.HomeAccountId.TenantId} object {account.HomeAccountId.ObjectId}");
    }

    private static async Task SignOutAsync(Session session)
    {
        var removed = await session.Authenticator.SignOutAsync();
        await session.Out.WriteLineAsync(removed.Count == 0 ? "No account was signed in." : $"Signed out: {string.Join(", ", removed)}");
    }

    private static async Task TokenAsync(Session session)
    {
        var token = await session.TokenAsync();
        await session.Out.WriteLineAsync(
            $"Access token of {await session.Authenticator.ResourceAsync()} for {token.Account.Username}: scopes {string.Join(' ', token.Scopes)}, expires {token.ExpiresOn:u}.");
    }

    private static async Task TeamsAsync(Session session)
    {
        foreach (var team in (await session.Api.TeamsAsync()).Value) await session.Out.WriteLineAsync($"{team.Id}  {team.DisplayName}");
    }

    private static async Task CreateTeamAsync(Session session, string name)
    {
        var team = await session.Api.CreateTeamAsync(name);
        await session.Out.WriteLineAsync($"{team.Id}  {team.DisplayName}  (created; you are its owner)");
    }

    private static async Task AddTeamMemberAsync(Session session, string teamId, string email) =>
        await PrintAsync(session, await session.Api.AddTeamMemberAsync(teamId, email, Role(session)));

    private static async Task ChannelsAsync(Session session, string? teamId)
    {
        foreach (var channel in (await session.Api.ChannelsAsync(teamId)).Value)
            await session.Out.WriteLineAsync($"{channel.Id}  {channel.DisplayName}  ({channel.MembershipType}, team {channel.TeamId ?? teamId})");
    }

    private static async Task CreateChannelAsync(Session session, string teamId, string name)
    {
        var channel = await session.Api.CreateChannelAsync(teamId, name, session.Settings.Standard ? "standard" : "shared");
        await session.Out.WriteLineAsync($"{channel.Id}  {channel.DisplayName}  ({channel.MembershipType}, team {channel.TeamId ?? teamId}; created)");
    }

    private static async Task MembersAsync(Session session, string channelId)
    {
        foreach (var member in (await session.Api.MembersAsync(channelId)).Value) await PrintAsync(session, member);
    }

    private static async Task AddMemberAsync(Session session, string channelId, string email) =>
        await PrintAsync(session, await session.Api.AddMemberAsync(channelId, email, Role(session)));

    private static async Task MessagesAsync(Session session, string channelId)
    {
        string? next = null;
        do
        {
            var page = await session.Api.MessagesAsync(channelId, session.Settings.Top, next);
            foreach (var message in page.Value) await PrintAsync(session, message);
            next = page.NextLink;
        }
        while (next is not null && session.Settings.All);
        if (next is not null) await session.Status.WriteLineAsync("Older messages follow: add --all, or a larger --top.");
    }

    private static async Task PostAsync(Session session, string channelId, string content) =>
        await PrintAsync(session, await session.Api.PostMessageAsync(channelId, content));

    private static string Role(Session session) => session.Settings.Owner ? "owner" : "member";

    private static Task PrintAsync(Session session, Member m) =>
        session.Out.WriteLineAsync($"{m.Id}  {m.DisplayName} <{m.Email}>  {m.Role}, {m.Kind}, tenant {m.TenantId}, user {m.UserId}");

    private static Task PrintAsync(Session session, Message m) =>
        session.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{m.CreatedDateTime:u}  {m.From?.DisplayName} (tenant {m.From?.TenantId}): {m.Content}  [{m.Id}]"));
}
