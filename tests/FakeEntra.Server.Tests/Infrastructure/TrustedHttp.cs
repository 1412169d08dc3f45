using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using FakeEntra.Server.Certificates;
using Microsoft.Identity.Client;

namespace FakeEntra.Server.Tests.Infrastructure;

/// <summary>HTTP clients that trust FakeEntra's local CA explicitly (full chain validation, no switch-off) and reach loopback only.</summary>
public static class TrustedHttp
{
    public static HttpMessageHandler Handler(X509Certificate2 authority, IPAddress? from = null) => new LoopbackOnlyHandler(Primary(authority, from));

    /// <summary>The innermost handler, for APIs that want a primary handler of their own.</summary>
    public static SocketsHttpHandler Primary(X509Certificate2 authority, IPAddress? from = null)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = CertificateTrust.Trusting(authority),
            },
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        if (from is not null) handler.ConnectCallback = From(from);
        return handler;
    }

    /// <summary>Connects from a given local address (another loopback address, e.g. 127.0.0.2, is another client to the server).</summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> From(IPAddress local) => async (context, cancellationToken) =>
    {
        var socket = new Socket(local.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(local, 0));
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    };

    /// <summary>For MSAL; <paramref name="headers"/> are added to every request, as a proxy adds tenant restrictions.</summary>
    public sealed class MsalFactory(X509Certificate2 authority, IReadOnlyDictionary<string, string>? headers = null) : IMsalHttpClientFactory
    {
        private readonly HttpClient _client = new(headers is null ? Handler(authority) : new HeaderHandler(headers, Handler(authority)));

        public HttpClient GetHttpClient() => _client;
    }

    private sealed class HeaderHandler(IReadOnlyDictionary<string, string> headers, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
