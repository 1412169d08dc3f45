using System.Net;
using System.Text.RegularExpressions;
using FakeEntra.Core.DirectoryObjects;
using FakeEntra.Core.Errors;
using FakeEntra.Server.Lockout;
using OtpNet;

namespace FakeEntra.Server.CrossTenant;

/// <summary>
/// What a request itself proves beyond the password: FakeEntra's <c>fakeentra_otp</c>, <c>fakeentra_device_id</c> and
/// <c>fakeentra_privacy_consent</c> parameters (for grants without pages) and the tenant restrictions v2 header.
/// </summary>
public static partial class SignInInputs
{
    public const string OtpParameter = "fakeentra_otp";
    public const string DeviceParameter = "fakeentra_device_id";
    public const string PrivacyConsentParameter = "fakeentra_privacy_consent";
    public const string PrivacyConsentAccepted = "accept";
    public const string TenantRestrictionsHeader = "sec-Restrict-Tenant-Access-Policy";

    /// <summary>Whether a six-digit code is the user's current TOTP (RFC 6238, a step either side for clock drift).</summary>
    public static bool VerifyOtp(User user, string code, DateTimeOffset now) =>
        OtpCode().IsMatch(code) && user.AuthenticationMethods.Any(m => m.SecretKey is { } key
            && new Totp(Base32Encoding.ToBytes(key.Replace(" ", "", StringComparison.Ordinal)))
                .VerifyTotp(now.UtcDateTime, code, out _, new VerificationWindow(previous: 1, future: 1)));

    /// <summary>
    /// The one-time code parameter: null when absent; malformed is AADSTS90100, wrong is AADSTS500121, and after too many
    /// wrong ones smart lockout answers AADSTS50053 for a while, right code or not, so a code cannot be guessed.
    /// </summary>
    public static bool? CheckOtp(string? value, User user, DateTimeOffset now, SmartLockout lockout, IPAddress? client)
    {
        if (value is null) return null;
        if (!OtpCode().IsMatch(value)) throw new AadException(AadErrors.ParameterNotValid(OtpParameter));
        return lockout.OneTimeCode(user, client, () => VerifyOtp(user, value, now)) switch
        {
            LockoutVerdict.Verified => true,
            LockoutVerdict.Locked => throw new AadException(AadErrors.AccountLocked()),
            _ => throw new AadException(AadErrors.WrongOneTimeCode()),
        };
    }

    /// <summary>The device parameter: a device id registered in the user's home tenant.</summary>
    public static Device? Device(string? value, TenantDirectory home)
    {
        if (value is null) return null;
        if (!Guid.TryParse(value, out var deviceId)) throw new AadException(AadErrors.ParameterNotValid(DeviceParameter));
        return home.Devices.FirstOrDefault(d => d.DeviceId == deviceId)
               ?? throw new AadException(AadErrors.ParameterNotValid(DeviceParameter, $"{deviceId} is not a device of {home.Organization.DisplayName}."));
    }

    /// <summary>The privacy consent parameter: <c>accept</c> answers the resource organization's privacy statement as the page's Accept does.</summary>
    public static bool PrivacyConsent(string? value) => value switch
    {
        null => false,
        PrivacyConsentAccepted => true,
        _ => throw new AadException(AadErrors.ParameterNotValid(PrivacyConsentParameter)),
    };

    /// <summary>The enforcing tenant named by <c>{tenantId}:{policyId}</c>; the policy id must be that tenant's cross-tenant access policy.</summary>
    public static TenantDirectory? EnforcingTenant(string? header, DirectorySnapshot directory)
    {
        if (string.IsNullOrWhiteSpace(header)) return null;
        var parts = header.Trim().Split(':');
        if (parts.Length == 2 && Guid.TryParse(parts[0], out var tenantId) && Guid.TryParse(parts[1], out var policyId)
            && directory.FindTenant(tenantId) is { } tenant && tenant.CrossTenantAccessPolicy.Id == policyId)
            return tenant;
        throw new AadException(AadErrors.ParameterNotValid(TenantRestrictionsHeader));
    }

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex OtpCode();
}
