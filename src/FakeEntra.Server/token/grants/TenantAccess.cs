using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Errors;
using FakeEntra.Core.Tenancy;

namespace FakeEntra.Server.Token.Grants;

/// <summary>Which tenant a user's token is for, and whether the user may have one there.</summary>
public static class TenantAccess
{
    /// <summary>
    /// The path's tenant, or the user's home tenant for <c>common</c>/<c>organizations</c>. A user of another tenant is
    /// refused with AADSTS50020 (cross-tenant access is evaluated in a later stage of FakeEntra).
    /// </summary>
    public static TenantDirectory TokenTenant(TenantPath path, Application client, TenantDirectory home, User user)
    {
        if (path.Tenant is not { } pathTenant || pathTenant.Id == home.Id) return home;
        throw new AadException(AadErrors.UserNotInTenant(
            user.UserPrincipalName, $"https://sts.windows.net/{home.Id:D}/", pathTenant.DisplayName, client.AppId, client.DisplayName));
    }
}
