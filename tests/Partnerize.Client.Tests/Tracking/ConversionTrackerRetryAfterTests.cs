using System.Net;
using Partnerize.Client.Testing;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Tests.Tracking;

/// <summary>Back-off checked on a fake clock: the delays asked for, never real waiting.</summary>
public class ConversionTrackerRetryAfterTests
{
    [Test]
    public async Task TrackAsync_RetryAfterSeconds_WaitsExactlyThatLongOnTheTimeProvider()
    {
        var time = new TimerWatchingTimeProvider();
        var fake = new FakePartnerize { TimeProvider = time }
            .AddFault(FakeFault.Status(HttpStatusCode.TooManyRequests).WithRetryAfter(TimeSpan.FromSeconds(7)).ForFirstAttempts(1));
        await using var services = TrackerHarness.Create(fake, SlowRetries, time);

        var sending = services.Tracker().TrackAsync(TrackerHarness.Draft(1));
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(7));
        time.Advance(TimeSpan.FromSeconds(7) - TimeSpan.FromTicks(1));
        var requestsBeforeTheWaitEnds = fake.TrackingRequests.Count;
        time.Advance(TimeSpan.FromTicks(1));
        var result = await sending.WaitAsync(TrackerHarness.Guard);

        var requests = fake.TrackingRequests;
        Assert.Multiple(() =>
        {
            Assert.That(requestsBeforeTheWaitEnds, Is.EqualTo(1));
            Assert.That(result.Outcome, Is.EqualTo(ConversionOutcome.Sent));
            Assert.That(result.Attempts, Is.EqualTo(2));
            Assert.That(requests[1].ReceivedAt - requests[0].ReceivedAt, Is.EqualTo(TimeSpan.FromSeconds(7)));
        });
    }

    [Test]
    public async Task TrackAsync_RetryAfterHttpDate_WaitsUntilThatTime()
    {
        var time = new TimerWatchingTimeProvider();
        var fake = new FakePartnerize { TimeProvider = time }
            .AddFault(FakeFault.Status(HttpStatusCode.ServiceUnavailable).WithRetryAfter(time.GetUtcNow().AddSeconds(9)).ForFirstAttempts(1));
        await using var services = TrackerHarness.Create(fake, SlowRetries, time);

        var sending = services.Tracker().TrackAsync(TrackerHarness.Draft(1));
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(9));
        time.Advance(TimeSpan.FromSeconds(9));
        var result = await sending.WaitAsync(TrackerHarness.Guard);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConversionOutcome.Sent));
            Assert.That(fake.TrackingRequests[1].ReceivedAt - fake.TrackingRequests[0].ReceivedAt, Is.EqualTo(TimeSpan.FromSeconds(9)));
        });
    }

    [Test]
    public async Task TrackAsync_RetryAfterLongerThanMaxRetryDelay_WaitsOnlyMaxRetryDelay()
    {
        var time = new TimerWatchingTimeProvider();
        var fake = new FakePartnerize { TimeProvider = time }
            .AddFault(FakeFault.Status(HttpStatusCode.TooManyRequests).WithRetryAfter(TimeSpan.FromHours(1)).ForFirstAttempts(1));
        await using var services = TrackerHarness.Create(fake, SlowRetries, time);

        var sending = services.Tracker().TrackAsync(TrackerHarness.Draft(1));
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(20));
        time.Advance(TimeSpan.FromSeconds(20));
        var result = await sending.WaitAsync(TrackerHarness.Guard);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConversionOutcome.Sent));
            Assert.That(fake.TrackingRequests[1].ReceivedAt - fake.TrackingRequests[0].ReceivedAt, Is.EqualTo(TimeSpan.FromSeconds(20)));
        });
    }

    [Test]
    public async Task TrackAsync_NoRetryAfter_BacksOffWithinMaxRetryDelay()
    {
        var time = new TimerWatchingTimeProvider();
        var fake = new FakePartnerize { TimeProvider = time }.AddFault(FakeFault.Status(HttpStatusCode.BadGateway));
        await using var services = TrackerHarness.Create(fake, options =>
        {
            SlowRetries(options);
            options.RetryBaseDelay = TimeSpan.FromSeconds(4);
        }, time);

        var sending = services.Tracker().TrackAsync(TrackerHarness.Draft(1));
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await time.WaitForTimersAsync(IsBackOff, attempt);
            time.Advance(TimeSpan.FromSeconds(20));
        }

        var result = await sending.WaitAsync(TrackerHarness.Guard);
        var backOffs = time.DueTimes.Where(IsBackOff).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConversionOutcome.Failed));
            Assert.That(result.Attempts, Is.EqualTo(4));
            Assert.That(backOffs, Has.Length.EqualTo(3));
            Assert.That(backOffs.Min(), Is.GreaterThan(TimeSpan.Zero));
            Assert.That(backOffs.Max(), Is.LessThanOrEqualTo(TimeSpan.FromSeconds(20)));
        });
    }

    // Retries wait long on the fake clock. The attempt timeouts and the body read timeout run 30 s, so the back-off
    // timers are the others.
    private static void SlowRetries(PartnerizeOptions options)
    {
        options.RetryBaseDelay = TimeSpan.FromSeconds(1);
        options.MaxRetryDelay = TimeSpan.FromSeconds(20);
        options.TrackingTimeout = TimeSpan.FromSeconds(30);
    }

    private static bool IsBackOff(TimeSpan dueTime) => dueTime > TimeSpan.Zero && dueTime != TimeSpan.FromSeconds(30);
}
