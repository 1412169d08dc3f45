using Microsoft.EntityFrameworkCore;
using SharedChannels.Api.Callers;
using SharedChannels.Api.Data;
using SharedChannels.Api.Hosting;

namespace SharedChannels.Api.Channels;

/// <summary><c>/channels/{id}/messages</c>: post, and read newest first with paging.</summary>
public static class MessageEndpoints
{
    public static void MapMessages(this RouteGroupBuilder channels)
    {
        channels.MapGet("/{channelId}/messages", async (string channelId, Caller caller, HttpRequest request, ChannelAccess access, SharedChannelsDb db) =>
        {
            var paging = Paging.From(request, fallback: 20, max: Limits.PageSize);
            var channel = await access.UsableAsync(channelId, caller);
            var page = await db.Messages.Where(m => m.ChannelId == channel.Id && (paging.Before == null || m.Id < paging.Before))
                .OrderByDescending(m => m.Id).Take(paging.Top + 1).ToListAsync();
            var shown = page.Take(paging.Top).ToList();
            return new Collection<MessageResource>([.. shown.Select(MessageResource.Of)])
            {
                NextLink = shown.Count > 0 ? paging.NextLink(request, page.Count, shown[^1].Id) : null,
            };
        });

        channels.MapPost("/{channelId}/messages", async (string channelId, Caller caller, HttpRequest request, ChannelAccess access, SharedChannelsDb db, TimeProvider time) =>
        {
            var channel = await access.UsableAsync(channelId, caller.RequireUser());
            var body = await RequestBody.ReadAsync<PostMessageRequest>(request);
            if (string.IsNullOrWhiteSpace(body.Content)) throw ProblemException.BadRequest("A message needs some content.");
            if (body.Content.Length > Limits.MessageContent)
                throw ProblemException.TooLarge($"A message holds at most {Limits.MessageContent} characters; this one has {body.Content.Length}.");
            var message = new Message
            {
                ChannelId = channel.Id,
                Content = body.Content,
                CreatedDateTime = time.GetUtcNow(),
                FromTenantId = caller.TenantId,
                FromUserId = caller.UserId,
                FromDisplayName = caller.DisplayName,
            };
            db.Messages.Add(message);
            await db.SaveChangesAsync();
            return Results.Created($"/channels/{channel.Id}/messages/{message.Id}", MessageResource.Of(message));
        });
    }
}
