using FakeEntra.Core.DirectoryObjects;

namespace FakeEntra.Core.CrossTenantAccess;

/// <summary>Gathers what the directory knows about a sign-in; the caller adds what the request proves (MFA, device, headers).</summary>
public static class SignInFactsBuilder
{
    public static SignInFacts For(DirectorySnapshot directory, TenantDirectory home, User homeUser, TenantDirectory resource, Application resourceApp, Application clientApp)
    {
        var guest = home.Id == resource.Id ? null : directory.FindGuest(resource.Id, homeUser.UserPrincipalName);
        var local = home.Id == resource.Id ? homeUser.Id : guest?.Id;
        return new SignInFacts
        {
            HomeTenant = home,
            ResourceTenant = resource,
            HomeUser = homeUser,
            HomeGroups = directory.GroupsOf(home.Id, homeUser.Id),
            GuestUser = guest,
            ResourceGroups = local is { } id ? directory.GroupsOf(resource.Id, id) : new HashSet<Guid>(),
            ResourceRoles = local is { } rid ? directory.RolesOf(resource.Id, rid) : [],
            ResourceApp = resourceApp,
            ClientApp = clientApp,
            HasMfaMethod = homeUser.AuthenticationMethods.Any(m => m.SecretKey is not null),
            PrivacyConsentGiven = homeUser.PrivacyConsents.Contains(resource.Id),
        };
    }
}
