using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Partnerize.Client.Testing;

/// <summary>
/// Runs a <see cref="FakePartnerize"/> as a real HTTP server (Kestrel) on 127.0.0.1, on a free port, for tests where
/// the wire matters: the raw request target, real connections, concurrency, dropped connections.
/// </summary>
/// <example>
/// <code>
/// await using var server = await FakePartnerizeServer.StartAsync();
/// services.AddPartnerize(options =>
/// {
///     server.Configure(options);
///     options.CampaignId = "10l176";
/// });
/// </code>
/// </example>
/// <remarks>One server serves both hosts: tracking paths (under <c>/conversion/</c>) and the management API.
/// A dropped connection is aborted before any byte of the answer is written.</remarks>
public sealed class FakePartnerizeServer : IAsyncDisposable
{
    // Tracking URLs may be long; Kestrel's default request line limit (8 KB) would refuse some before the fake sees them.
    private const int MaxRequestLineSize = 64 * 1024;

    private readonly WebApplication _app;

    private FakePartnerizeServer(WebApplication app, FakePartnerize fake, Uri baseAddress)
    {
        _app = app;
        Fake = fake;
        BaseAddress = baseAddress;
    }

    /// <summary>The fake behind the server: configure faults and campaigns, read what it received.</summary>
    public FakePartnerize Fake { get; }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:54321/</c>: use it as both the tracking and the API base address.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts a server around a new <see cref="FakePartnerize"/>.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static Task<FakePartnerizeServer> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(new FakePartnerize(), cancellationToken);

    /// <summary>Starts a server around a fake.</summary>
    /// <param name="fake">The fake that answers.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<FakePartnerizeServer> StartAsync(FakePartnerize fake, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fake);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestLineSize = MaxRequestLineSize;
        });

        var app = builder.Build();
        app.Run(context => HandleAsync(fake, context));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new FakePartnerizeServer(app, fake, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>
    /// Points options at this server: both base addresses, and the keys the fake expects.
    /// </summary>
    /// <param name="options">The options to change, e.g. inside <c>services.AddPartnerize(options => server.Configure(options))</c>.</param>
    public void Configure(PartnerizeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.TrackingBaseAddress = BaseAddress;
        options.ApiBaseAddress = BaseAddress;
        options.ApplicationKey = Fake.ApplicationKey;
        options.ApiKey = Fake.ApiKey;
    }

    /// <summary>Stops the server and releases its port.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task HandleAsync(FakePartnerize fake, HttpContext context)
    {
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var headers = new List<KeyValuePair<string, string>>(context.Request.Headers.Count);
        foreach (var header in context.Request.Headers)
        {
            headers.Add(new(header.Key, header.Value.ToString()));
        }

        try
        {
            var answer = await fake.HandleAsync(context.Request.Method, rawTarget, headers, context.RequestAborted).ConfigureAwait(false);
            if (answer.DropConnection)
            {
                context.Abort();
                return;
            }

            context.Response.StatusCode = answer.StatusCode;
            context.Response.ContentType = answer.ContentType + "; charset=utf-8";
            foreach (var header in answer.Headers)
            {
                context.Response.Headers.Append(header.Key, header.Value);
            }

            await context.Response.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (its timeout, its cancellation); there is nobody left to answer.
        }
    }
}
