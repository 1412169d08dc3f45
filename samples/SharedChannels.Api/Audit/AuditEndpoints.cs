using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SharedChannels.Api.Callers;
using SharedChannels.Api.Channels;
using SharedChannels.Api.Data;
using SharedChannels.Api.Hosting;

namespace SharedChannels.Api.Audit;

public sealed record AuditedChannel(Guid Id, string DisplayName, Guid TeamId);

public sealed record AuditedUser(string? DisplayName, Guid UserId, Guid TenantId, MemberRole? Role = null);

/// <summary>A Teams audit event: <c>tenantScope</c> is <c>inTenant</c> or <c>crossTenant</c>.</summary>
public sealed record AuditEventResource(string Id, DateTimeOffset CreatedDateTime, string Operation, string TenantScope, AuditedChannel Channel, AuditedUser Actor, AuditedUser? Target)
{
    public static AuditEventResource Of(AuditEvent e) => new(
        e.Id.ToString(CultureInfo.InvariantCulture), e.CreatedDateTime, e.Operation, e.CrossTenant ? "crossTenant" : "inTenant",
        new AuditedChannel(e.ChannelId, e.ChannelName, e.TeamId),
        new AuditedUser(e.ActorDisplayName, e.ActorUserId, e.ActorTenantId),
        e.TargetUserId is { } target ? new AuditedUser(e.TargetDisplayName, target, e.TargetTenantId ?? Guid.Empty, e.TargetRole) : null);
}

/// <summary><c>/auditEvents</c>: the resource tenant's Teams audit events, newest first, for its admins (and reading apps).</summary>
public static class AuditEndpoints
{
    public static void MapAuditEvents(this IEndpointRouteBuilder app) =>
        app.MapGet("/auditEvents", async (Caller caller, HttpRequest request, SharedChannelsDb db) =>
        {
            if (!caller.IsAdmin && caller.Kind != CallerKind.App) throw ProblemException.Forbidden("Only the organization's admins read its Teams audit events.");
            var paging = Paging.From(request, fallback: 100, max: 500);
            var page = await db.AuditEvents.Where(e => paging.Before == null || e.Id < paging.Before).OrderByDescending(e => e.Id).Take(paging.Top + 1).ToListAsync();
            var shown = page.Take(paging.Top).ToList();
            return new Collection<AuditEventResource>([.. shown.Select(AuditEventResource.Of)])
            {
                NextLink = shown.Count > 0 ? paging.NextLink(request, page.Count, shown[^1].Id) : null,
            };
        });
}
