namespace SharedChannels.Client.Tokens;

/// <summary>
/// What the client knows beyond the token (the tenant it asked, the home account MSAL holds, the API and itself), to say
/// what a claim's value means here: who issued the token, where the user comes from.
/// </summary>
public sealed record TokenContext(string ResourceTenantName, string ResourceTenantId, string HomeTenantId, string HomeObjectId, string Username, string ClientId, string Scope)
{
    public string? Explain(string claim, string value) => claim switch
    {
        "tid" when Same(value, ResourceTenantId) => $"{ResourceTenantName} issued this token: the resource tenant, not your home tenant.",
        "tid" => $"not {ResourceTenantName}, the tenant asked for.",
        "iss" when value.Contains(ResourceTenantId, StringComparison.OrdinalIgnoreCase) => $"{ResourceTenantName}'s issuer; an API of {ResourceTenantName} accepts only its own.",
        "aud" when Scope.Contains(value, StringComparison.OrdinalIgnoreCase) => $"the API of the scope asked for ({Scope}).",
        "azp" when Same(value, ClientId) => "this client (the Shared Channels Client).",
        "oid" when Same(value, HomeObjectId) && IsHome(ResourceTenantId) => $"your object in {ResourceTenantName}, where you are a member.",
        "oid" when Same(value, HomeObjectId) => $"your object id in your home tenant {HomeTenantId} ({HomeDomain}): B2B direct connect gives you no object in {ResourceTenantName}.",
        "oid" => $"an object of {ResourceTenantName} that stands for you (a B2B collaboration guest account).",
        "idp" when value.Contains(HomeTenantId, StringComparison.OrdinalIgnoreCase) => $"your home tenant {HomeTenantId} ({HomeDomain}) authenticated you; {ResourceTenantName} only issued the token.",
        "acct" => value == "1" ? $"you are external to {ResourceTenantName}." : $"you are a member of {ResourceTenantName}.",
        _ => null,
    };

    private string HomeDomain => Username.Split('@') is [_, var domain] ? domain : Username;

    private bool IsHome(string tenantId) => Same(tenantId, HomeTenantId);

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
