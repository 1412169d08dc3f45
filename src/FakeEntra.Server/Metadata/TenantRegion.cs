namespace FakeEntra.Server.Metadata;

/// <summary>Entra's <c>tenant_region_scope</c> from the organization's country.</summary>
public static class TenantRegion
{
    private static readonly HashSet<string> Europe = new(StringComparer.OrdinalIgnoreCase)
    {
        "AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GR", "HR", "HU", "IE", "IS", "IT",
        "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK", "UA", "RS", "TR",
    };
    private static readonly HashSet<string> Asia = new(StringComparer.OrdinalIgnoreCase) { "CN", "HK", "IN", "ID", "JP", "KR", "MY", "PH", "SG", "TH", "TW", "VN" };
    private static readonly HashSet<string> Oceania = new(StringComparer.OrdinalIgnoreCase) { "AU", "NZ" };
    private static readonly HashSet<string> SouthAmerica = new(StringComparer.OrdinalIgnoreCase) { "AR", "BR", "CL", "CO", "PE", "UY", "VE" };
    private static readonly HashSet<string> Africa = new(StringComparer.OrdinalIgnoreCase) { "EG", "KE", "MA", "NG", "ZA" };

    public static string Of(string countryLetterCode) => countryLetterCode switch
    {
        _ when Europe.Contains(countryLetterCode) => "EU",
        _ when Asia.Contains(countryLetterCode) => "AS",
        _ when Oceania.Contains(countryLetterCode) => "OC",
        _ when SouthAmerica.Contains(countryLetterCode) => "SA",
        _ when Africa.Contains(countryLetterCode) => "AF",
        _ => "NA",
    };
}
