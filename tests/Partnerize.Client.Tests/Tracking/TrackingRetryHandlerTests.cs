using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Partnerize.Client.Testing;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Tests.Tracking;

/// <summary>The tracking client's retry handler through the real DI graph, on a fake clock where time matters.</summary>
public class TrackingRetryHandlerTests
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    [Test]
    public async Task TrackAsync_NoAnswer_EachAttemptGetsItsOwnTimeoutOnTheTimeProvider()
    {
        var time = new TimerWatchingTimeProvider();
        var fake = new FakePartnerize { TimeProvider = time }.AddFault(FakeFault.Delayed(TimeSpan.FromHours(1)));
        await using var services = TrackerHarness.Create(fake, options =>
        {
            options.TrackingTimeout = AttemptTimeout;
            options.MaxRetryAttempts = 1;
            options.RetryBaseDelay = TimeSpan.Zero;
        }, time);

        var sending = services.Tracker().TrackAsync(TrackerHarness.Draft(1));
        await fake.WaitForRequestsAsync(1, cancellationToken: TrackerHarness.GuardToken);
        time.Advance(AttemptTimeout - TimeSpan.FromTicks(1));
        var requestsJustBeforeTheTimeout = fake.TrackingRequests.Count;
        time.Advance(TimeSpan.FromTicks(1));
        await fake.WaitForRequestsAsync(2, cancellationToken: TrackerHarness.GuardToken);
        time.Advance(AttemptTimeout);
        var result = await sending.WaitAsync(TrackerHarness.Guard);

        Assert.Multiple(() =>
        {
            Assert.That(requestsJustBeforeTheTimeout, Is.EqualTo(1));
            Assert.That(fake.TrackingRequests[1].ReceivedAt - fake.TrackingRequests[0].ReceivedAt, Is.EqualTo(AttemptTimeout));
            Assert.That(result.Outcome, Is.EqualTo(ConversionOutcome.Failed));
            Assert.That(result.Attempts, Is.EqualTo(2));
            Assert.That(result.StatusCode, Is.Null);
            Assert.That(result.FailureReason, Does.Contain("did not answer within 30 s (PartnerizeOptions.TrackingTimeout)"));
            Assert.That(fake.InFlight, Is.Zero);
        });
    }

    [Test]
    public async Task TrackAsync_CancelledDuringBackOff_StopsAtOnceWithoutAnotherAttempt()
    {
        var time = new TimerWatchingTimeProvider();
        var fake = new FakePartnerize { TimeProvider = time }
            .AddFault(FakeFault.Status(HttpStatusCode.TooManyRequests).WithRetryAfter(TimeSpan.FromSeconds(20)));
        await using var services = TrackerHarness.Create(fake, options => options.MaxRetryDelay = TimeSpan.FromSeconds(20), time);
        using var cancellation = new CancellationTokenSource();

        var sending = services.Tracker().TrackAsync(TrackerHarness.Draft(1), cancellationToken: cancellation.Token);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(20));
        await cancellation.CancelAsync();
        var result = await sending.WaitAsync(TrackerHarness.Guard);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConversionOutcome.Cancelled));
            Assert.That(result.Attempts, Is.EqualTo(1));
            Assert.That(fake.TrackingRequests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task TrackAsync_TransientAnswer_LogsRetryScheduledAtDebugWithTheDelay()
    {
        var time = new TimerWatchingTimeProvider();
        var fake = new FakePartnerize { TimeProvider = time }
            .AddFault(FakeFault.Status(HttpStatusCode.TooManyRequests).WithRetryAfter(TimeSpan.FromSeconds(7)).ForFirstAttempts(1));
        await using var services = TrackerHarness.Create(fake, options => options.MaxRetryDelay = TimeSpan.FromSeconds(20), time);

        var sending = services.Tracker().TrackAsync(TrackerHarness.Draft(1));
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(7));
        time.Advance(TimeSpan.FromSeconds(7));
        await sending.WaitAsync(TrackerHarness.Guard);

        var retry = services.GetFakeLogCollector().GetSnapshot().Single(r => r.Id.Id == 204);
        Assert.Multiple(() =>
        {
            Assert.That(retry.Id.Name, Is.EqualTo("RetryScheduled"));
            Assert.That(retry.Level, Is.EqualTo(LogLevel.Debug));
            Assert.That(retry.Category, Is.EqualTo("Partnerize.Client.Tracking"));
            Assert.That(retry.Message, Is.EqualTo("Tracking request attempt 1 got HTTP 429; retrying in 7000 ms."));
        });
    }

    [Test]
    public async Task TrackAsync_ConnectionDropped_LogsTheCauseWithoutReferences()
    {
        var fake = new FakePartnerize().AddFault(FakeFault.DropConnection().ForFirstAttempts(1));
        await using var services = TrackerHarness.Create(fake);

        var result = await services.Tracker().TrackAsync(TrackerHarness.Draft(1));

        var retry = services.GetFakeLogCollector().GetSnapshot().Single(r => r.Id.Id == 204);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConversionOutcome.Sent));
            Assert.That(result.Attempts, Is.EqualTo(2));
            Assert.That(retry.Message, Does.StartWith("Tracking request attempt 1 got a connection failure; retrying in "));
            Assert.That(retry.Message, Does.Not.Contain("ORD-").And.Not.Contain("click-"));
        });
    }

    [Test]
    public async Task TrackAsync_OptionsReloaded_NextConversionUsesTheNewRetrySettings()
    {
        var fake = new FakePartnerize().AddFault(FakeFault.Status(HttpStatusCode.ServiceUnavailable));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Partnerize:CampaignId"] = TrackerHarness.CampaignId,
            ["Partnerize:MaxRetryAttempts"] = "3",
            ["Partnerize:RetryBaseDelay"] = "00:00:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPartnerize(configuration).UseFakePartnerize(fake);
        await using var provider = services.BuildServiceProvider();
        var tracker = provider.GetRequiredService<IConversionTracker>();

        var before = await tracker.TrackAsync(TrackerHarness.Draft(1));
        configuration["Partnerize:MaxRetryAttempts"] = "1";
        configuration.Reload();
        var after = await tracker.TrackAsync(TrackerHarness.Draft(2));

        Assert.Multiple(() =>
        {
            Assert.That(before.Attempts, Is.EqualTo(4));
            Assert.That(after.Attempts, Is.EqualTo(2));
            Assert.That(fake.TrackingRequests, Has.Count.EqualTo(6));
        });
    }

    [Test]
    public async Task TrackAsync_HandlerAddedByTheApplication_RunsInsideTheRetriesOncePerAttempt()
    {
        var fake = new FakePartnerize().AddFault(FakeFault.Status(HttpStatusCode.BadGateway).ForFirstAttempts(2));
        var seen = new CountingHandler();
        var services = new ServiceCollection();
        services.AddLogging();
        var builder = services.AddPartnerize(options =>
        {
            options.CampaignId = TrackerHarness.CampaignId;
            options.RetryBaseDelay = TimeSpan.Zero;
        }).UseFakePartnerize(fake);
        builder.TrackingHttpClient.AddHttpMessageHandler(() => seen);
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<IConversionTracker>().TrackAsync(TrackerHarness.Draft(1));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConversionOutcome.Sent));
            Assert.That(result.Attempts, Is.EqualTo(3));
            Assert.That(seen.Count, Is.EqualTo(3));
        });
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
