using Partnerize.Client.Tracking.Internal;

namespace Partnerize.Client.Tests.Tracking;

public class RetryBackoffTests
{
    private static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);

    [Test]
    public void Next_FirstRetry_StaysWithinTheJitterBoundsOfTheBaseDelay()
    {
        var delays = Enumerable.Range(0, 1000).Select(i =>
        {
            var state = 0d;
            return RetryBackoff.Next(0, BaseDelay, Cap, i / 1000d, ref state);
        }).ToArray();

        // 2^r·tanh(√(4r)) / 1.4 for r in [0, 1): from 0 up to about 1.38 times the base delay.
        Assert.Multiple(() =>
        {
            Assert.That(delays.Min(), Is.EqualTo(TimeSpan.Zero));
            Assert.That(delays.Max(), Is.GreaterThan(BaseDelay * 1.3).And.LessThan(BaseDelay * 1.4));
            Assert.That(delays.Distinct().Count(), Is.GreaterThan(900), "The random part spreads the delays.");
        });
    }

    [Test]
    public void Next_SuccessiveRetries_RoughlyDoubleOnAverage()
    {
        var random = new Random(7);
        var sums = new double[5];
        for (var run = 0; run < 10_000; run++)
        {
            var state = 0d;
            for (var attempt = 0; attempt < sums.Length; attempt++)
            {
                sums[attempt] += RetryBackoff.Next(attempt, BaseDelay, TimeSpan.FromDays(1), random.NextDouble(), ref state).TotalSeconds;
            }
        }

        var growth = sums.Zip(sums.Skip(1), (before, after) => after / before).Skip(1).ToArray();
        Assert.Multiple(() =>
        {
            // The mean of 2^r·tanh(√(4r)) / 1.4 over r in [0, 1) is about 0.87.
            Assert.That(sums[0] / 10_000, Is.EqualTo(0.87).Within(0.03), "The first delay is of the order of the base delay.");
            Assert.That(growth, Has.All.InRange(1.7, 2.3));
        });
    }

    [Test]
    public void Next_AnyAttempt_NeverExceedsTheCapNorGoesBelowZero()
    {
        var random = new Random(11);
        var cap = TimeSpan.FromSeconds(5);
        var delays = new List<TimeSpan>();
        for (var run = 0; run < 200; run++)
        {
            var state = 0d;
            for (var attempt = 0; attempt <= 100; attempt++)
            {
                delays.Add(RetryBackoff.Next(attempt, BaseDelay, cap, random.NextDouble(), ref state));
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(delays, Has.All.InRange(TimeSpan.Zero, cap));
            Assert.That(delays.Count(d => d == cap), Is.GreaterThan(delays.Count / 2), "Late attempts wait the cap.");
        });
    }

    [Test]
    public void Next_ZeroBaseDelay_RetriesAtOnce()
    {
        var state = 0d;

        Assert.That(Enumerable.Range(0, 5).Select(attempt => RetryBackoff.Next(attempt, TimeSpan.Zero, Cap, 0.5, ref state)), Has.All.EqualTo(TimeSpan.Zero));
    }
}
