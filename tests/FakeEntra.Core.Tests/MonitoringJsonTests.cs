using System.Text.Json;
using FakeEntra.Core.CrossTenantAccess;
using FakeEntra.Core.Monitoring;
using FakeEntra.Core.Scenarios;

namespace FakeEntra.Core.Tests;

/// <summary>Log rows are stored with the strict directory JSON settings; rows with absent optional members must read back.</summary>
public class MonitoringJsonTests
{
    [Fact]
    public void Audit_rows_with_null_values_round_trip()
    {
        var audit = new DirectoryAudit
        {
            Id = Guid.NewGuid(),
            Category = "CrossTenantAccessSettings",
            CorrelationId = Guid.NewGuid(),
            ActivityDisplayName = "Reset the cross-tenant access default setting",
            ActivityDateTime = DateTimeOffset.UnixEpoch,
            OperationType = "Update",
            InitiatedBy = new(App: new AuditAppIdentity("app")),
            TargetResources = [new TargetResource("default", "Policy", [new ModifiedProperty("tenantRestrictions", null, "{}")])],
        };
        var back = JsonSerializer.Deserialize<DirectoryAudit>(JsonSerializer.Serialize(audit, DirectoryJson.Options), DirectoryJson.Options)!;
        Assert.Null(back.TargetResources[0].ModifiedProperties[0].OldValue);
        Assert.Null(back.InitiatedBy.User);
    }

    [Fact]
    public void Sign_in_rows_with_null_values_round_trip()
    {
        var row = new SignIn
        {
            Id = Guid.NewGuid(),
            CreatedDateTime = DateTimeOffset.UnixEpoch,
            CorrelationId = Guid.NewGuid(),
            UserId = Guid.NewGuid(),
            UserPrincipalName = "a@b.c",
            UserType = "member",
            AppId = Guid.NewGuid(),
            ResourceId = Guid.NewGuid(),
            HomeTenantId = Guid.NewGuid(),
            ResourceTenantId = Guid.NewGuid(),
            CrossTenantAccessType = "none",
            IsInteractive = false,
            AuthenticationRequirement = "singleFactorAuthentication",
            ConditionalAccessStatus = "notApplied",
            Status = new SignInStatus(0),
            DeviceDetail = new DeviceDetail("d"),
            AppliedConditionalAccessPolicies = [new AppliedConditionalAccessPolicy(Guid.NewGuid(), "p", [], "notApplied")],
        };
        var back = JsonSerializer.Deserialize<SignIn>(JsonSerializer.Serialize(row, DirectoryJson.Options), DirectoryJson.Options)!;
        Assert.Null(back.Status.FailureReason);
        Assert.Equal("d", back.DeviceDetail!.DeviceId);
    }

    [Fact]
    public void Sign_in_rows_are_written_as_the_directory_settings_write_them()
    {
        var full = new SignIn
        {
            Id = Guid.NewGuid(),
            CreatedDateTime = new DateTimeOffset(2026, 12, 3, 18, 30, 25, TimeSpan.Zero).AddTicks(7781436),
            CorrelationId = Guid.NewGuid(),
            UserId = Guid.NewGuid(),
            UserPrincipalName = "bob@fabrikam.com",
            UserDisplayName = "Bob Brown <Zoë> & \"co\"",
            UserType = "guest",
            AppId = Guid.NewGuid(),
            AppDisplayName = "Shared Channels Client",
            ClientAppUsed = "Browser",
            ResourceId = Guid.NewGuid(),
            ResourceDisplayName = "Contoso Files API",
            HomeTenantId = Guid.NewGuid(),
            HomeTenantName = "Fabrikam",
            ResourceTenantId = Guid.NewGuid(),
            CrossTenantAccessType = "b2bDirectConnect",
            IsInteractive = true,
            SignInEventTypes = ["interactiveUser"],
            AuthenticationRequirement = "multiFactorAuthentication",
            ConditionalAccessStatus = "failure",
            AppliedConditionalAccessPolicies = [new AppliedConditionalAccessPolicy(Guid.NewGuid(), "Require MFA for external users", ["Require multifactor authentication"], "failure")],
            Status = new SignInStatus(500212, "The user's home organization's MFA is not accepted.", "Conditional Access 'x'"),
            DeviceDetail = new DeviceDetail(Guid.NewGuid().ToString(), "FAB-LAPTOP-01", true, "AzureAd"),
            IsTenantRestricted = true,
            FakeEntraDecisionTrace = ["Conditional Access 'Require MFA for external users': MFA from the home tenant is not trusted.", "Refused."],
        };
        var sparse = full with { UserDisplayName = null, AppDisplayName = null, ClientAppUsed = null, ResourceDisplayName = null, DeviceDetail = null, Status = new SignInStatus(0) };
        foreach (var row in new[] { full, sparse })
            Assert.Equal(JsonSerializer.Serialize(row, DirectoryJson.Options), JsonSerializer.Serialize(row, SignInJson.Default.SignIn));
    }
}
