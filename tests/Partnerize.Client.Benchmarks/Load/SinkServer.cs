using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Partnerize.Client.Benchmarks.CommandLine;

namespace Partnerize.Client.Benchmarks.Load;

/// <summary>
/// The <c>sink</c> mode: a Kestrel server on 127.0.0.1 that answers every request 200 with a short body, at once or
/// after a fixed delay. It prints <c>PORT {n}</c> on its first line, then runs until its standard input closes (the
/// load run that started it ends) or <c>--max-minutes</c> pass, whichever comes first.
/// </summary>
public static class SinkServer
{
    /// <summary>The body of every answer: a short conversion ID, as some integrations get from Partnerize.</summary>
    public static readonly byte[] Body = Encoding.UTF8.GetBytes("1011l4pkbcD");

    /// <summary>Runs the sink.</summary>
    /// <param name="options"><c>--port</c> (0: any free port), <c>--delay-ms</c>, <c>--max-minutes</c>.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var port = options.Int("port", 0);
        var delay = TimeSpan.FromMilliseconds(options.Int("delay-ms", 0));
        var maxRunTime = TimeSpan.FromMinutes(options.Int("max-minutes", 60));
        options.ThrowOnUnknown();

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;
        });

        long answered = 0;
        await using var app = builder.Build();
        app.Run(async context =>
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, context.RequestAborted).ConfigureAwait(false);
            }

            Interlocked.Increment(ref answered);
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "text/plain";
            context.Response.ContentLength = Body.Length;
            await context.Response.Body.WriteAsync(Body, context.RequestAborted).ConfigureAwait(false);
        });

        await app.StartAsync().ConfigureAwait(false);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        Console.Out.WriteLine($"PORT {address.Port}");
        Console.Out.Flush();

        // Bounded: stops when the parent closes our input, or after the time limit if the parent never does.
        var inputClosed = Task.Run(() =>
        {
            while (Console.In.ReadLine() is not null)
            {
            }
        });
        await Task.WhenAny(inputClosed, Task.Delay(maxRunTime)).ConfigureAwait(false);
        await app.StopAsync().ConfigureAwait(false);
        await Console.Error.WriteLineAsync($"sink: answered {Interlocked.Read(ref answered)} requests").ConfigureAwait(false);
        return 0;
    }
}
