using System.Security.Cryptography;
using System.Text.Json;
using FakeEntra.Core.Errors;
using Microsoft.AspNetCore.DataProtection;

namespace FakeEntra.Server.SignInPages;

/// <summary>
/// Where one sign-in stands, carried between pages in the protected hidden field <c>ctx</c> (as Entra's own pages do):
/// the request it serves and what the person has proven so far. New steps (MFA, device, consent) add their facts here.
/// </summary>
public sealed record SignInState
{
    /// <summary>The <c>{tenant}</c> segment the sign-in started at.</summary>
    public required string Tenant { get; init; }
    /// <summary>The authorization request's parameters, for a sign-in that ends in a redirect to the app.</summary>
    public Dictionary<string, string>? Authorize { get; init; }
    /// <summary>The user code of a device-code sign-in.</summary>
    public string? DeviceUserCode { get; init; }
    /// <summary>Show the accounts of the session first.</summary>
    public bool PickAccount { get; init; }
    public string? Username { get; init; }
    public Guid? HomeTenantId { get; init; }
    public Guid? UserId { get; init; }
    /// <summary>The user proved who they are (password now, or the session's earlier sign-in).</summary>
    public bool Authenticated { get; init; }
    public DateTimeOffset? AuthTime { get; init; }
    /// <summary>For device codes: the person confirmed the app on the device is theirs.</summary>
    public bool DeviceConfirmed { get; init; }
    public bool DeviceDeclined { get; init; }
    /// <summary>MFA completed at home during this sign-in or its session.</summary>
    public bool MfaAtHome { get; init; }
    /// <summary>Resource tenants where the user completed MFA as a B2B collaboration guest.</summary>
    public IReadOnlyList<Guid> MfaAtResourceTenants { get; init; } = [];
    /// <summary>The registered device the person said this browser is, once asked.</summary>
    public Guid? DeviceId { get; init; }
    public bool DeviceKnown { get; init; }
    /// <summary>The answer to the resource organization's privacy statement, once asked.</summary>
    public bool PrivacyConsented { get; init; }
    public bool PrivacyDeclined { get; init; }
}

/// <summary>
/// Protects <see cref="SignInState"/> for the round trip through the browser; a tampered or stale one is AADSTS90100.
/// Expiry runs on the wall clock, as Data Protection checks it.
/// </summary>
public sealed class SignInStateProtector(IDataProtectionProvider provider)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("FakeEntra.SignInState.v1").ToTimeLimitedDataProtector();

    public string Protect(SignInState state) => _protector.Protect(JsonSerializer.Serialize(state), DateTimeOffset.UtcNow + Lifetime);

    public SignInState Unprotect(string? ctx)
    {
        try
        {
            if (!string.IsNullOrEmpty(ctx) && JsonSerializer.Deserialize<SignInState>(_protector.Unprotect(ctx, out _)) is { } state) return state;
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
        }
        throw new AadException(AadErrors.ParameterNotValid("ctx"));
    }
}
