using FakeEntra.Core.CrossTenantAccess;
using FakeEntra.Server.CrossTenant;

namespace FakeEntra.Server.SignInLogs;

/// <summary>
/// One console line per sign-in decision (not per tenant row), in the <c>FakeEntra.SignIns</c> category. The generated
/// logger checks the level first, so a disabled category costs the token path no formatting.
/// </summary>
public sealed partial class SignInConsole(ILoggerFactory loggers)
{
    public const string Category = "FakeEntra.SignIns";

    private readonly ILogger _logger = loggers.CreateLogger(Category);

    public void Write(GateRequest request, AccessDecision decision)
    {
        if (!_logger.IsEnabled(LogLevel.Information)) return;
        var outcome = decision.Error is not null ? "refused" : decision.Challenge != SignInChallenge.None ? $"challenge {decision.Challenge}" : "allowed";
        var code = decision.Error is { } error ? $"AADSTS{error.Code}" : "-";
        Decision(_logger, request.HomeUser.UserPrincipalName, request.Home.Organization.DisplayName, request.Resource.Organization.DisplayName,
            request.Client.DisplayName, outcome, code, decision.CrossTenantAccessType);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "sign-in {User} {HomeTenant} → {ResourceTenant} app \"{App}\": {Outcome} {Code} ({CrossTenantAccessType})")]
    private static partial void Decision(ILogger logger, string user, string homeTenant, string resourceTenant, string app, string outcome, string code, string crossTenantAccessType);
}
