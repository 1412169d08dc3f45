using System.Text;
using FakeEntra.Server.Tests.Infrastructure;

namespace FakeEntra.Server.Tests.Fuzz;

/// <summary><c>/{tenant}/oauth2/v2.0/token</c> with every grant (and none, and other methods), from real credentials broken one way at a time.</summary>
public sealed class TokenFamily(FuzzArtifacts artifacts) : IFuzzFamily
{
    private const string Route = "/{tenant}/oauth2/v2.0/token";

    public string Name => "token";
    public int Weight => 26;

    public FuzzCase Next(Random random)
    {
        var (tenantKind, tenant) = TenantSegments.Pick(random);
        var target = $"/{tenant}/oauth2/v2.0/token";
        if (random.Chance(0.03))
        {
            var method = random.Pick(["GET", "PUT", "DELETE", "PATCH"]);
            return new FuzzCase { Method = method, Target = target + "?grant_type=password", Route = $"{method} {Route}", Input = tenantKind };
        }
        var notes = new List<string> { tenantKind };
        // The real credential most of the time, otherwise an odd one.
        string Credential(string name, string real)
        {
            if (random.Chance(0.6)) return real;
            var (kind, odd) = BearerTokens.Odd(random, real);
            notes.Add($"{name}: {kind}");
            return odd;
        }
        var (grant, parameters) = random.Next(7) switch
        {
            0 => ("client_credentials", Confidential(random, ("scope", random.Chance(0.7) ? World.SharedChannelsDefault : Scopes.Pick(random)))),
            1 => ("password", Public(random, "password", ("username", Users.Pick(random)), ("password", random.Chance(0.8) ? World.Password : "wrong"), ("scope", Scopes.Pick(random)))),
            2 => ("refresh_token", Public(random, "refresh_token", ("refresh_token", Credential("refresh_token", artifacts.RefreshToken)), ("scope", Scopes.Pick(random)))),
            3 => ("authorization_code", Public(random, "authorization_code", ("code", Credential("code", artifacts.Code)), ("redirect_uri", FuzzArtifacts.RedirectUri),
                ("code_verifier", artifacts.CodeVerifier), ("scope", Scopes.Pick(random)))),
            4 => ("device_code", Public(random, "urn:ietf:params:oauth:grant-type:device_code", ("device_code", Credential("device_code", artifacts.DeviceCode)))),
            5 => ("jwt-bearer OBO", Confidential(random, ("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
                ("assertion", Credential("assertion", random.Pick([.. artifacts.AllTokens]))), ("requested_token_use", "on_behalf_of"), ("scope", Scopes.Pick(random)))),
            _ => ("unknown grant", [("grant_type", random.Pick(["", "implicit", "PASSWORD", "urn:ietf:params:oauth:grant-type:saml2-bearer", HostileText.Any(random).Value])),
                ("client_id", World.Client)]),
        };
        var headers = new List<KeyValuePair<string, string>>();
        if (parameters.Any(p => p.Key == "client_secret") && random.Chance(0.2)) parameters = Basic(random, parameters, headers, notes);
        var request = FormRequests.Post(random, target, $"POST {Route} ({grant})", parameters, headers);
        return request with { Input = string.Join("; ", [.. notes, request.Input]) };
    }

    /// <summary>client_secret_basic instead of the form, sometimes with a header that is not Basic's shape.</summary>
    private static List<(string Key, string Value)> Basic(Random random, List<(string Key, string Value)> parameters, List<KeyValuePair<string, string>> headers, List<string> notes)
    {
        var id = parameters.First(p => p.Key == "client_id").Value;
        var secret = parameters.First(p => p.Key == "client_secret").Value;
        var keepId = random.Chance(0.5);
        var (kind, header) = random.Next(4) switch
        {
            0 => ("Basic", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:{secret}"))),
            1 => ("Basic without a colon", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(HostileText.Any(random).Value))),
            2 => ("Basic not base64", "Basic !!!not-base64"),
            _ => ("Basic with an odd id", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{HostileText.Any(random).Value}:{secret}"))),
        };
        headers.Add(new("Authorization", header));
        notes.Add(kind);
        return [.. parameters.Where(p => p.Key != "client_secret" && (keepId || p.Key != "client_id"))];
    }

    private static List<(string Key, string Value)> Public(Random random, string grant, params (string, string)[] rest) =>
        [("grant_type", grant), ("client_id", random.Chance(0.9) ? World.Client : World.Daemon), .. rest, .. Extras(random)];

    private static List<(string Key, string Value)> Confidential(Random random, params (string Key, string Value)[] rest)
    {
        var (app, secret) = random.Chance(0.7) ? (World.Daemon, World.DaemonSecret) : (FuzzArtifacts.ContosoAdminApp, FuzzArtifacts.ContosoAdminSecret);
        List<(string Key, string Value)> parameters = [("client_id", app), ("client_secret", random.Chance(0.9) ? secret : "wrong"), .. rest, .. Extras(random)];
        if (parameters.All(p => p.Key != "grant_type")) parameters.Insert(0, ("grant_type", "client_credentials"));
        return parameters;
    }

    // FakeEntra's own sign-in inputs and MSAL's extras, present now and then.
    private static IEnumerable<(string, string)> Extras(Random random)
    {
        if (random.Chance(0.15)) yield return ("fakeentra_otp", random.Pick(["000000", "123456", "", "1234567", "abcdef"]));
        if (random.Chance(0.15)) yield return ("fakeentra_device_id", random.Pick([PrivacyConsent.Laptop, Guid.Empty.ToString("D"), "laptop"]));
        if (random.Chance(0.2)) yield return ("client_info", random.Pick(["1", "0", "true"]));
    }
}
