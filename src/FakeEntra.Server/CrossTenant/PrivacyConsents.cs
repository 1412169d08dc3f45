using FakeEntra.Server.World;

namespace FakeEntra.Server.CrossTenant;

/// <summary>
/// The one place an acceptance of a resource organization's privacy statement is recorded, whether given on the pages or with
/// <c>fakeentra_privacy_consent=accept</c>: kept per resource tenant on the home account, so later sign-ins need not ask again.
/// </summary>
public sealed class PrivacyConsents(DirectoryWriter writer)
{
    public Task AcceptAsync(GateRequest request) => writer.ChangeAsync(request.Home.Id, async transaction =>
    {
        if (!(await transaction.PrivacyConsentsAsync(request.HomeUser.Id)).Contains(request.Resource.Id))
            transaction.AddPrivacyConsent(request.HomeUser.Id, request.Resource.Id);
        return true;
    });
}
