using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FakeEntra.Server.Tests.Fuzz;

/// <summary>An error the server logged, with the fuzz case whose request was being handled (from its <see cref="ServerErrorLog.CaseHeader"/>).</summary>
public sealed record LoggedError(string Category, string Message, Exception? Exception, int? CaseId);

/// <summary>
/// Keeps every Error-level entry of the server's log — FakeEntra.Errors' unhandled exceptions, ASP.NET Core's and Kestrel's —
/// instead of writing them to the console, so the run can fail on them and name the request that caused each.
/// </summary>
public sealed class ServerErrorLog : ILoggerProvider
{
    public const string CaseHeader = "x-fuzz-case";

    private readonly ConcurrentQueue<LoggedError> _errors = new();
    // The accessor's context is ambient (async-local): any instance sees the request being handled once the host has one registered.
    private readonly HttpContextAccessor _http = new();

    public IReadOnlyCollection<LoggedError> Errors => _errors;

    public void AddTo(WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(this);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ServerErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var caseId = int.TryParse(log._http.HttpContext?.Request.Headers[CaseHeader], System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : (int?)null;
            log._errors.Enqueue(new LoggedError(category, formatter(state, exception), exception, caseId));
        }
    }
}
