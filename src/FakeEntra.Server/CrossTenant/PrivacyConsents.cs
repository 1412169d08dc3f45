using FakeEntra.Server.World;

namespace FakeEntra.Server.CrossTenant;

/// <summary>
/// The one place an acceptance of a resource organization's privacy statement is recorded, whether given on the pages or with
/// <c>fakeentra_privacy_consent=accept</c>: kept per resource tenant on the home account, so later sign-ins need not ask again.
/// </summary>
public sealed class PrivacyConsents(DirectoryWriter writer)
{
    public void Accept(GateRequest request) =>
        writer.Update(request.Home.Id, home => home with
        {
            Users = [.. home.Users.Select(u => u.Id == request.HomeUser.Id && !u.PrivacyConsents.Contains(request.Resource.Id)
                ? u with { PrivacyConsents = [.. u.PrivacyConsents, request.Resource.Id] }
                : u)],
        });
}
