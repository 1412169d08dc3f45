using Microsoft.EntityFrameworkCore;
using SharedChannels.Api.Callers;
using SharedChannels.Api.Data;
using SharedChannels.Api.Hosting;

namespace SharedChannels.Api.Channels;

/// <summary><c>/channels/{id}/files</c>: small named files (raw body), kept in the database with who uploaded them.</summary>
public static class FileEndpoints
{
    public static void MapFiles(this RouteGroupBuilder channels)
    {
        channels.MapPost("/{channelId}/files", async (string channelId, string? name, Caller caller, HttpRequest request, ChannelAccess access, SharedChannelsDb db, TimeProvider time) =>
        {
            var channel = await access.UsableAsync(channelId, caller.RequireUser());
            var fileName = FileName(name);
            var content = await Bounded.ReadAsync(request, Limits.FileBytes, "The file");
            var file = new ChannelFile
            {
                ChannelId = channel.Id,
                Name = fileName,
                Content = content,
                Size = content.Length,
                CreatedDateTime = time.GetUtcNow(),
                UploadedByTenantId = caller.TenantId,
                UploadedByUserId = caller.UserId,
                UploadedByDisplayName = caller.DisplayName,
            };
            db.Files.Add(file);
            await db.SaveChangesAsync();
            return Results.Created($"/channels/{channel.Id}/files/{file.Id}", FileResource.Of(file));
        });

        channels.MapGet("/{channelId}/files", async (string channelId, Caller caller, ChannelAccess access, SharedChannelsDb db) =>
        {
            var channel = await access.UsableAsync(channelId, caller);
            // Without the content: a listing does not read the blobs.
            var files = await db.Files.Where(f => f.ChannelId == channel.Id).OrderBy(f => f.Name)
                .Select(f => new ChannelFile
                {
                    Id = f.Id,
                    ChannelId = f.ChannelId,
                    Name = f.Name,
                    Content = Array.Empty<byte>(),
                    Size = f.Size,
                    CreatedDateTime = f.CreatedDateTime,
                    UploadedByTenantId = f.UploadedByTenantId,
                    UploadedByUserId = f.UploadedByUserId,
                    UploadedByDisplayName = f.UploadedByDisplayName,
                }).ToListAsync();
            return new Collection<FileResource>([.. files.Select(FileResource.Of)]);
        });

        channels.MapGet("/{channelId}/files/{fileId}/content", async (string channelId, string fileId, Caller caller, ChannelAccess access, SharedChannelsDb db) =>
        {
            var channel = await access.UsableAsync(channelId, caller);
            var file = Guid.TryParse(fileId, out var id) ? await db.Files.FirstOrDefaultAsync(f => f.Id == id && f.ChannelId == channel.Id) : null;
            return file is null
                ? throw ProblemException.NotFound($"No file '{(fileId.Length > 40 ? fileId[..40] : fileId)}' in '{channel.DisplayName}'.")
                : Results.File(file.Content, "application/octet-stream", file.Name);
        });
    }

    private static string FileName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > Limits.FileName || trimmed is "." or ".." || trimmed.IndexOfAny(['/', '\\']) >= 0 || trimmed.Any(char.IsControl))
            throw ProblemException.BadRequest($"?name= must be a file name of 1 to {Limits.FileName} characters, without slashes or control characters.");
        return trimmed;
    }
}
