using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Tests.Tracking;

/// <summary>
/// How the tracker reads what a real server answers after the headers: Partnerize has received the conversion once
/// the status arrives, so a body that stalls or runs long must neither hold the row up nor change its outcome.
/// </summary>
public class ConversionTrackerResponseBodyTests
{
    [Test]
    public async Task TrackAsync_BodyStallsAfterTheHeaders_IsSentWithoutABodyWithinTheAttemptTimeout()
    {
        await using var server = await StartAsync(async context =>
        {
            context.Response.StatusCode = 200;
            await context.Response.WriteAsync("conv-");
            await context.Response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        await using var services = Services(server, TimeSpan.FromMilliseconds(300));

        var result = await services.Tracker().TrackAsync(TrackerHarness.Draft(1)).WaitAsync(TrackerHarness.Guard);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConversionOutcome.Sent), result.FailureReason);
            Assert.That(result.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(result.ResponseBody, Is.Null, "a body cut off by the timeout is reported as absent");
            Assert.That(result.Attempts, Is.EqualTo(1), "a 2xx is never retried");
        });
    }

    [Test]
    public async Task TrackAsync_BodyLongerThanOneKilobyteThenStalls_KeepsTheFirstKilobyteWithoutWaitingForTheRest()
    {
        await using var server = await StartAsync(async context =>
        {
            context.Response.StatusCode = 200;
            await context.Response.WriteAsync(new string('x', 4096));
            await context.Response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });

        // An attempt timeout far beyond the guard: waiting for the rest of the body would fail the test.
        await using var services = Services(server, TimeSpan.FromMinutes(5));

        var result = await services.Tracker().TrackAsync(TrackerHarness.Draft(1)).WaitAsync(TrackerHarness.Guard);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConversionOutcome.Sent), result.FailureReason);
            Assert.That(result.ResponseBody, Has.Length.EqualTo(1024));
            Assert.That(result.ResponseBody, Does.StartWith("xxxx").And.EndWith("…"));
        });
    }

    private static ServiceProvider Services(WebApplication server, TimeSpan attemptTimeout)
    {
        var address = new Uri(server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/");
        var services = new ServiceCollection();
        services.AddPartnerize(options =>
        {
            options.TrackingBaseAddress = address;
            options.CampaignId = "10l176";
            options.TrackingTimeout = attemptTimeout;
            options.RetryBaseDelay = TimeSpan.Zero;
        });
        return services.BuildServiceProvider();
    }

    private static async Task<WebApplication> StartAsync(RequestDelegate answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var server = builder.Build();
        server.Run(answer);
        await server.StartAsync();
        return server;
    }
}
