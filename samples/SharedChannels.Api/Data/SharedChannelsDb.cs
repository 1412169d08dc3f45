using Microsoft.EntityFrameworkCore;

namespace SharedChannels.Api.Data;

/// <summary>The API's own state (SQLite by default; migrations in <c>Data/Migrations</c>, applied at start).</summary>
public sealed class SharedChannelsDb(DbContextOptions<SharedChannelsDb> options) : DbContext(options)
{
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<Channel> Channels => Set<Channel>();
    public DbSet<ChannelMember> ChannelMembers => Set<ChannelMember>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<ChannelFile> Files => Set<ChannelFile>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Team>(e =>
        {
            e.Property(t => t.DisplayName).HasMaxLength(Limits.DisplayName);
            e.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(t => t.Channels).WithOne(c => c.Team).HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<TeamMember>(e =>
        {
            e.Property(m => m.Role).HasConversion<string>();
            e.Property(m => m.Kind).HasConversion<string>();
            // One membership per person and team; people are their (tenant, object id), never their address.
            e.HasIndex(m => new { m.TeamId, m.TenantId, m.UserId }).IsUnique();
        });
        model.Entity<Channel>(e =>
        {
            e.Property(c => c.DisplayName).HasMaxLength(Limits.DisplayName);
            e.Property(c => c.MembershipType).HasConversion<string>();
            e.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.ChannelId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<ChannelMember>(e =>
        {
            e.Property(m => m.Role).HasConversion<string>();
            e.Property(m => m.Kind).HasConversion<string>();
            e.HasIndex(m => new { m.ChannelId, m.TenantId, m.UserId }).IsUnique();
            e.HasIndex(m => new { m.TenantId, m.UserId });
        });
        model.Entity<Message>(e =>
        {
            e.HasOne<Channel>().WithMany().HasForeignKey(m => m.ChannelId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(m => new { m.ChannelId, m.Id });
        });
        model.Entity<ChannelFile>(e =>
        {
            e.HasOne<Channel>().WithMany().HasForeignKey(f => f.ChannelId).OnDelete(DeleteBehavior.Cascade);
            e.Property(f => f.Name).HasMaxLength(Limits.FileName);
        });
        model.Entity<AuditEvent>(e => e.Property(a => a.TargetRole).HasConversion<string>());
    }
}
