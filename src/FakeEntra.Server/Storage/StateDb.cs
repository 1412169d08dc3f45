using FakeEntra.Server.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace FakeEntra.Server.Storage;

/// <summary>
/// FakeEntra's state in EF Core: one row per directory object and relation, the logs, keys, and the sign-ins still pending
/// (codes, device codes). The uniqueness Graph promises (ids, a user's principal name, one partner setting per tenant, a
/// member once per group) is the database's to enforce. SQLite's migrations are this type's; PostgreSQL's are
/// <see cref="PostgresStateDb"/>'s (column types differ).
/// </summary>
public class StateDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<DirectoryObjectRow> DirectoryObjects => Set<DirectoryObjectRow>();
    public DbSet<GroupMemberRow> GroupMembers => Set<GroupMemberRow>();
    public DbSet<PrivacyConsentRow> PrivacyConsents => Set<PrivacyConsentRow>();
    public DbSet<DirectoryAuditRow> DirectoryAudits => Set<DirectoryAuditRow>();
    public DbSet<SignInRow> SignIns => Set<SignInRow>();
    public DbSet<SigningKeyRow> SigningKeys => Set<SigningKeyRow>();
    public DbSet<SettingRow> Settings => Set<SettingRow>();
    public DbSet<GrantRevocationRow> GrantRevocations => Set<GrantRevocationRow>();
    public DbSet<AuthorizationCodeRow> AuthorizationCodes => Set<AuthorizationCodeRow>();
    public DbSet<DeviceAuthorizationRow> DeviceAuthorizations => Set<DeviceAuthorizationRow>();
    public DbSet<DataProtectionKeyRow> DataProtectionKeys => Set<DataProtectionKeyRow>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<DirectoryObjectRow>(e =>
        {
            e.HasKey(r => r.Sequence);
            e.HasIndex(r => new { r.TenantId, r.Kind, r.Key }).IsUnique();
            e.HasIndex(r => new { r.TenantId, r.Kind, r.UniqueName }).IsUnique();
            e.Property(r => r.Version).IsConcurrencyToken();
        });
        model.Entity<GroupMemberRow>(e =>
        {
            e.HasKey(r => r.Sequence);
            e.HasIndex(r => new { r.TenantId, r.GroupId, r.MemberId }).IsUnique();
            e.HasIndex(r => new { r.TenantId, r.MemberId });
        });
        model.Entity<PrivacyConsentRow>(e =>
        {
            e.HasKey(r => r.Sequence);
            e.HasIndex(r => new { r.TenantId, r.UserId, r.ResourceTenantId }).IsUnique();
        });
        model.Entity<DirectoryAuditRow>(e =>
        {
            e.HasKey(r => r.Sequence);
            e.HasIndex(r => new { r.TenantId, r.Id }).IsUnique();
            e.HasIndex(r => new { r.TenantId, r.Created });
        });
        model.Entity<SignInRow>(e =>
        {
            e.HasKey(r => r.Sequence);
            e.HasIndex(r => new { r.TenantId, r.Id }).IsUnique();
            e.HasIndex(r => new { r.TenantId, r.Created });
        });
        model.Entity<SigningKeyRow>().HasKey(r => r.Kid);
        model.Entity<SettingRow>().HasKey(r => r.Key);
        model.Entity<GrantRevocationRow>().HasKey(r => r.GrantId);
        model.Entity<AuthorizationCodeRow>(e =>
        {
            e.HasKey(r => r.CodeHash);
            e.HasIndex(r => r.ExpiresAt);
        });
        model.Entity<DeviceAuthorizationRow>(e =>
        {
            e.HasKey(r => r.DeviceCodeHash);
            e.HasIndex(r => r.UserCode).IsUnique();
            e.HasIndex(r => r.ExpiresAt);
        });
        model.Entity<DataProtectionKeyRow>().HasKey(r => r.Id);
    }
}
