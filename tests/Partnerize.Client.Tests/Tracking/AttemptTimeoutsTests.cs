using Microsoft.Extensions.Time.Testing;
using Partnerize.Client.Tracking.Internal;

namespace Partnerize.Client.Tests.Tracking;

public class AttemptTimeoutsTests
{
    [Test]
    public void Start_FakeClock_CancelsWhenThatClockReachesTheTimeout()
    {
        var time = new FakeTimeProvider();
        var timeouts = new AttemptTimeouts(time);

        using var source = timeouts.Start(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromTicks(1));
        var cancelledEarly = source.IsCancellationRequested;
        time.Advance(TimeSpan.FromTicks(1));

        Assert.Multiple(() =>
        {
            Assert.That(cancelledEarly, Is.False);
            Assert.That(source.IsCancellationRequested, Is.True);
        });
    }

    [Test]
    public void Return_SystemClockSourceThatDidNotFire_IsReusedUnarmedUntilStartedAgain()
    {
        var timeouts = new AttemptTimeouts(TimeProvider.System);
        var first = timeouts.Start(TimeSpan.FromHours(1));
        timeouts.Return(first);

        var second = timeouts.Start(TimeSpan.FromHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.SameAs(first));
            Assert.That(second.IsCancellationRequested, Is.False);
        });
        timeouts.Return(second);
    }

    [Test]
    public void Return_CancelledSource_IsNeverHandedOutAgain()
    {
        var timeouts = new AttemptTimeouts(TimeProvider.System);
        var first = timeouts.Start(TimeSpan.FromHours(1));
        first.Cancel();
        timeouts.Return(first);

        using var second = timeouts.Start(TimeSpan.FromHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.Not.SameAs(first));
            Assert.That(second.IsCancellationRequested, Is.False);
        });
    }
}
