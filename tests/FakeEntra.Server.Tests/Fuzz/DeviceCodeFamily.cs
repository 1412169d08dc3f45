using FakeEntra.Server.Hosting;

namespace FakeEntra.Server.Tests.Fuzz;

/// <summary>The device code flow's ends: <c>/{tenant}/oauth2/v2.0/devicecode</c> for the device, <c>/devicelogin</c> for the person.</summary>
public sealed class DeviceCodeFamily(FuzzArtifacts artifacts) : IFuzzFamily
{
    public string Name => "device code";
    public int Weight => 8;

    public FuzzCase Next(Random random)
    {
        if (random.Chance(0.55))
        {
            var (tenantKind, tenant) = TenantSegments.Pick(random);
            var request = FormRequests.Post(random, $"/{tenant}/oauth2/v2.0/devicecode", "POST /{tenant}/oauth2/v2.0/devicecode",
                [("client_id", random.Chance(0.85) ? World.Client : World.Daemon), ("scope", Scopes.Pick(random))]);
            return request with { Input = $"{tenantKind}; {request.Input}" };
        }
        if (random.Chance(0.15)) return FormRequests.Get(random, "/devicelogin", "GET /devicelogin", [("otc", artifacts.UserCode)]);
        var code = random.Chance(0.6) ? artifacts.UserCode : random.Pick([artifacts.UserCode.ToLowerInvariant(), artifacts.UserCode + "X", "AAAAAAAAA", $" {artifacts.UserCode} "]);
        var forged = random.Chance(0.1);
        var cookies = string.Join("; ", new[] { forged ? null : artifacts.DeviceLoginForm.Cookie, random.Chance(0.3) ? artifacts.SessionCookie : null }.OfType<string>());
        var headers = cookies.Length > 0 ? new[] { KeyValuePair.Create("Cookie", cookies) } : [];
        List<(string Key, string Value)> parameters = [("otc", code), .. forged ? [] : new[] { (FormProtection.FieldName, artifacts.DeviceLoginForm.Token) }];
        return FormRequests.Post(random, "/devicelogin", "POST /devicelogin", parameters, headers);
    }
}
