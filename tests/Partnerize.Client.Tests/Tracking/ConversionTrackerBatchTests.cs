using System.Net;
using Microsoft.Extensions.Time.Testing;
using Partnerize.Client.Conversions;
using Partnerize.Client.Testing;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Tests.Tracking;

public class ConversionTrackerBatchTests
{
    [Test]
    public async Task TrackManyAsync_ValidAndInvalidRows_InvalidOnesNeverReachTheServer()
    {
        var fake = new FakePartnerize();
        await using var services = TrackerHarness.Create(fake);
        var drafts = Enumerable.Range(0, 60).Select(i => i % 7 == 3 ? TrackerHarness.Draft(i) with { ClickRef = " " } : TrackerHarness.Draft(i)).ToList();

        var results = await services.Tracker().TrackManyAsync(drafts).ToListAsync();

        var invalid = Enumerable.Range(0, 60).Where(i => i % 7 == 3).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Index), Is.EqualTo(Enumerable.Range(0, 60).Select(i => (long)i)));
            Assert.That(results.Where(r => r.Outcome == ConversionOutcome.Rejected).Select(r => r.Index), Is.EqualTo(invalid.Select(i => (long)i)));
            Assert.That(results.Where(r => r.Outcome == ConversionOutcome.Rejected).Select(r => r.Rejections.Single().Message),
                Has.All.EqualTo("A click reference is required to attribute a Partnerize conversion."));
            Assert.That(results.Where(r => r.Outcome != ConversionOutcome.Rejected), Has.All.Property(nameof(ConversionResult.Outcome)).EqualTo(ConversionOutcome.Sent));
            Assert.That(fake.TrackingRequests.Select(r => r.ConversionRef), Is.EquivalentTo(
                Enumerable.Range(0, 60).Except(invalid).Select(i => $"ORD-{i}")));
        });
    }

    [Test]
    public async Task TrackManyAsync_RowsFinishingOutOfOrder_ComeBackInInputOrder()
    {
        // Row 0 is held on the fake's clock; all the others can only arrive once earlier ones have finished.
        var fakeClock = new FakeTimeProvider();
        var fake = new FakePartnerize { TimeProvider = fakeClock }.AddFault(FakeFault.Delayed(TimeSpan.FromSeconds(1)).ForConversionRefs("ORD-0"));
        await using var services = TrackerHarness.Create(fake);

        var batch = services.Tracker().TrackManyAsync(TrackerHarness.Drafts(40), new TrackingBatchOptions { MaxConcurrency = 8 }).ToListAsync();
        await fake.WaitForRequestsAsync(40, cancellationToken: TrackerHarness.GuardToken);

        // The fake counts a request as it arrives and leaves its in-flight count as it answers: let the last answers
        // leave (row 0 never does until the clock moves) before counting what finished.
        SpinWait.SpinUntil(() => fake.InFlight <= 1, TrackerHarness.Guard);
        var finishedBeforeRowZero = fake.TrackingRequests.Count - fake.InFlight;
        fakeClock.Advance(TimeSpan.FromSeconds(1));
        var results = await batch.WaitAsync(TrackerHarness.Guard);

        Assert.Multiple(() =>
        {
            Assert.That(finishedBeforeRowZero, Is.EqualTo(39));
            Assert.That(results.Select(r => r.Index), Is.EqualTo(Enumerable.Range(0, 40).Select(i => (long)i)));
            Assert.That(results.Select(r => r.ConversionRef), Is.EqualTo(Enumerable.Range(0, 40).Select(i => $"ORD-{i}")));
            Assert.That(results, Has.All.Property(nameof(ConversionResult.Outcome)).EqualTo(ConversionOutcome.Sent));
        });
    }

    [Test]
    public async Task TrackManyAsync_SlowServer_NeverMoreInFlightThanTheLimit()
    {
        var fake = new FakePartnerize().AddFault(FakeFault.Delayed(TimeSpan.FromMilliseconds(2)));
        await using var services = TrackerHarness.Create(fake);

        var results = await services.Tracker().TrackManyAsync(TrackerHarness.Drafts(120), new TrackingBatchOptions { MaxConcurrency = 3 }).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(results, Has.Count.EqualTo(120));
            Assert.That(fake.PeakInFlight, Is.InRange(2, 3));
        });
    }

    [Test]
    public async Task TrackManyAsync_ManyMoreRowsThanTheWindow_ComeBackInInputOrder()
    {
        // Concurrency 2 gives the smallest window (64 results behind the oldest row): 1,000 rows go round it many times.
        var fake = new FakePartnerize().AddFault(FakeFault.Status(HttpStatusCode.BadRequest).ForConversionRefs("ORD-64", "ORD-65", "ORD-999"));
        await using var services = TrackerHarness.Create(fake);

        var results = await services.Tracker().TrackManyAsync(TrackerHarness.Drafts(1_000), new TrackingBatchOptions { MaxConcurrency = 2 }).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Index), Is.EqualTo(Enumerable.Range(0, 1_000).Select(i => (long)i)));
            Assert.That(results.Select(r => r.ConversionRef), Is.EqualTo(Enumerable.Range(0, 1_000).Select(i => $"ORD-{i}")));
            Assert.That(results.Where(r => r.Outcome == ConversionOutcome.Failed).Select(r => r.Index), Is.EqualTo(new long[] { 64, 65, 999 }));
            Assert.That(fake.TrackingRequests, Has.Count.EqualTo(1_000));
        });
    }

    [Test]
    public async Task TrackManyAsync_LoopBodyBlocksItsThread_TheOtherSendersKeepSending()
    {
        var fake = new FakePartnerize();
        await using var services = TrackerHarness.Create(fake);
        var indexes = new List<long>();
        var sentWhileBlocked = 0;

        await foreach (var result in services.Tracker().TrackManyAsync(TrackerHarness.Drafts(20), new TrackingBatchOptions { MaxConcurrency = 2 }, TrackerHarness.GuardToken))
        {
            if (result.Index == 0)
            {
                // Blocks the thread the body runs on, as a synchronous database call would, until the other sender has
                // sent the rest (the window of 64 holds them all).
                SpinWait.SpinUntil(() => fake.TrackingRequests.Count == 20, TrackerHarness.Guard);
                sentWhileBlocked = fake.TrackingRequests.Count;
            }

            indexes.Add(result.Index);
        }

        Assert.Multiple(() =>
        {
            Assert.That(sentWhileBlocked, Is.EqualTo(20));
            Assert.That(indexes, Is.EqualTo(Enumerable.Range(0, 20).Select(i => (long)i)));
        });
    }

    [Test]
    public async Task TrackManyAsync_SlowFirstRow_StopsReadingOnceTheWindowIsFull()
    {
        var fakeClock = new FakeTimeProvider();
        var fake = new FakePartnerize { TimeProvider = fakeClock }.AddFault(FakeFault.Delayed(TimeSpan.FromSeconds(1)).ForConversionRefs("ORD-0"));
        await using var services = TrackerHarness.Create(fake);
        var source = new CountingSource(500);

        var batch = services.Tracker().TrackManyAsync(source, new TrackingBatchOptions { MaxConcurrency = 4 }).ToListAsync();

        // Row 0 is held; 64 finished results may wait behind it, so reading stops at row 64.
        await fake.WaitForRequestsAsync(65, cancellationToken: TrackerHarness.GuardToken);
        var readWhileHeld = source.Read;
        var requestsWhileHeld = fake.TrackingRequests.Count;
        fakeClock.Advance(TimeSpan.FromSeconds(1));
        var results = await batch.WaitAsync(TrackerHarness.Guard);

        Assert.Multiple(() =>
        {
            Assert.That(readWhileHeld, Is.EqualTo(65));
            Assert.That(requestsWhileHeld, Is.EqualTo(65));
            Assert.That(results.Select(r => r.Index), Is.EqualTo(Enumerable.Range(0, 500).Select(i => (long)i)));
            Assert.That(results, Has.All.Property(nameof(ConversionResult.Outcome)).EqualTo(ConversionOutcome.Sent));
        });
    }

    [Test]
    public async Task TrackManyAsync_RowsInBackOff_StillCountAgainstTheLimit()
    {
        // Every row fails its first attempt and waits for its retry on the fake clock: a row in back-off holds its slot.
        var fakeClock = new FakeTimeProvider();
        var fake = new FakePartnerize { TimeProvider = fakeClock }.AddFault(FakeFault.Status(HttpStatusCode.ServiceUnavailable).ForFirstAttempts(1));
        await using var services = TrackerHarness.Create(
            fake,
            options =>
            {
                options.RetryBaseDelay = TimeSpan.FromSeconds(1);
                options.MaxRetryDelay = TimeSpan.FromSeconds(5);
            },
            fakeClock);
        const int Rows = 12;

        var batch = services.Tracker().TrackManyAsync(TrackerHarness.Drafts(Rows), new TrackingBatchOptions { MaxConcurrency = 3 }).ToListAsync();

        var rowsStarted = new List<int>();
        for (var round = 0; round < Rows / 3; round++)
        {
            // Each round: the 3 rows in back-off retry and succeed, then 3 new rows fail their first attempt.
            await fake.WaitForRequestsAsync((round * 6) + 3, cancellationToken: TrackerHarness.GuardToken);
            rowsStarted.Add(fake.TrackingRequests.Select(r => r.ConversionRef).Distinct().Count());
            fakeClock.Advance(TimeSpan.FromSeconds(5));
        }

        var results = await batch.WaitAsync(TrackerHarness.Guard);

        Assert.Multiple(() =>
        {
            Assert.That(rowsStarted, Is.EqualTo(new[] { 3, 6, 9, 12 }));
            Assert.That(results.Select(r => r.Index), Is.EqualTo(Enumerable.Range(0, Rows).Select(i => (long)i)));
            Assert.That(results, Has.All.Property(nameof(ConversionResult.Attempts)).EqualTo(2));
            Assert.That(results, Has.All.Property(nameof(ConversionResult.Outcome)).EqualTo(ConversionOutcome.Sent));
        });
    }

    [Test]
    public async Task TrackManyAsync_Progress_ReportsCountsThatEndWithTheTotals()
    {
        var fake = new FakePartnerize().AddFault(FakeFault.Status(HttpStatusCode.BadRequest).ForConversionRefs("ORD-4"));
        await using var services = TrackerHarness.Create(fake);
        var progress = new RecordingProgress();
        var drafts = TrackerHarness.Drafts(30).Select((d, i) => i == 9 ? d with { Item = null } : d);

        var results = await services.Tracker()
            .TrackManyAsync(drafts, new TrackingBatchOptions { Progress = progress, ProgressInterval = TimeSpan.Zero })
            .ToListAsync();

        var last = progress.Reports[^1];
        Assert.Multiple(() =>
        {
            Assert.That(results, Has.Count.EqualTo(30));
            Assert.That(progress.Reports, Has.Count.EqualTo(31), "One report per result and a final one.");
            Assert.That(progress.Reports.Select(p => p.Completed), Is.Ordered);
            Assert.That(last.Read, Is.EqualTo(30));
            Assert.That(last.Completed, Is.EqualTo(30));
            Assert.That(last.Sent, Is.EqualTo(28));
            Assert.That(last.Rejected, Is.EqualTo(1));
            Assert.That(last.Failed, Is.EqualTo(1));
            Assert.That(last.Cancelled, Is.Zero);
            Assert.That(last.InFlight, Is.Zero);
            Assert.That(last.RowsPerSecond, Is.GreaterThan(0));
        });
    }

    [Test]
    public async Task SummarizeAsync_MixedOutcomes_CountsAddUpToTheInput()
    {
        var fake = new FakePartnerize()
            .AddFault(FakeFault.Status(HttpStatusCode.ServiceUnavailable).ForConversionRefs("ORD-2", "ORD-3"))
            .AddFault(FakeFault.Status(HttpStatusCode.ServiceUnavailable).ForConversionRefs("ORD-8").ForFirstAttempts(1));
        await using var services = TrackerHarness.Create(fake);
        var drafts = TrackerHarness.Drafts(20).Select((d, i) => i == 5 ? d with { ConversionRef = null } : d);
        var seen = new List<long>();

        var summary = await services.Tracker().TrackManyAsync(drafts).SummarizeAsync(result => seen.Add(result.Index));

        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.EqualTo(Enumerable.Range(0, 20).Select(i => (long)i)));
            Assert.That(summary.Total, Is.EqualTo(20));
            Assert.That(summary.Sent, Is.EqualTo(17));
            Assert.That(summary.Rejected, Is.EqualTo(1));
            Assert.That(summary.Failed, Is.EqualTo(2));
            Assert.That(summary.Cancelled, Is.Zero);
            Assert.That(summary.Attempts, Is.EqualTo(16 + 2 + (2 * 4)));
            Assert.That(summary.AllSent, Is.False);
            Assert.That(summary.ToString(), Does.StartWith("20 conversions: 17 sent, 1 rejected, 2 failed, 0 cancelled in "));
        });
    }

    [Test]
    public async Task TrackManyAsync_CancelledMidBatch_EveryRowReadGetsOneResultAndNothingNewStarts()
    {
        var fake = new FakePartnerize().AddFault(FakeFault.Delayed(TimeSpan.FromMinutes(5)));
        await using var services = TrackerHarness.Create(fake);
        var source = new CountingSource(1_000);
        using var cancellation = new CancellationTokenSource();
        var results = new List<ConversionResult>();

        var batch = Task.Run(async () =>
        {
            await foreach (var result in services.Tracker().TrackManyAsync(source, new TrackingBatchOptions { MaxConcurrency = 4 }, cancellation.Token))
            {
                results.Add(result);
            }
        });
        await fake.WaitForRequestsAsync(4, cancellationToken: TrackerHarness.GuardToken);
        await cancellation.CancelAsync();

        Assert.That(async () => await batch.WaitAsync(TrackerHarness.Guard), Throws.InstanceOf<OperationCanceledException>());
        var requestsWhenDone = fake.TrackingRequests.Count;
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Index), Is.EqualTo(Enumerable.Range(0, source.Read).Select(i => (long)i)));
            Assert.That(source.Read, Is.InRange(4, 4 + 1), "Reading stops once the slots are taken.");
            Assert.That(results, Has.All.Property(nameof(ConversionResult.Outcome)).EqualTo(ConversionOutcome.Cancelled));
            Assert.That(results.Count(r => r.Attempts == 1), Is.EqualTo(4));
            Assert.That(results.Where(r => r.Attempts == 0).Select(r => r.FailureReason), Has.All.EqualTo("The operation was cancelled before this conversion was sent."));
            Assert.That(requestsWhenDone, Is.EqualTo(4));
            Assert.That(fake.InFlight, Is.Zero);
        });
    }

    [Test]
    public async Task TrackManyAsync_CancelledThroughWithCancellation_BehavesLikeTheCallToken()
    {
        var fake = new FakePartnerize().AddFault(FakeFault.Delayed(TimeSpan.FromMinutes(5)).ForConversionRefs("ORD-2"));
        await using var services = TrackerHarness.Create(fake);
        using var cancellation = new CancellationTokenSource();
        var results = new List<ConversionResult>();

        var batch = Task.Run(async () =>
        {
            await foreach (var result in services.Tracker().TrackManyAsync(new CountingSource(50), new TrackingBatchOptions { MaxConcurrency = 2 }).WithCancellation(cancellation.Token))
            {
                results.Add(result);
            }
        });
        await fake.WaitForConversionsAsync(2, TrackerHarness.GuardToken);
        await fake.WaitForRequestsAsync(4, cancellationToken: TrackerHarness.GuardToken);
        await cancellation.CancelAsync();

        Assert.That(async () => await batch.WaitAsync(TrackerHarness.Guard), Throws.InstanceOf<OperationCanceledException>());
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Index), Is.EqualTo(Enumerable.Range(0, results.Count).Select(i => (long)i)));
            Assert.That(results.Take(2), Has.All.Property(nameof(ConversionResult.Outcome)).EqualTo(ConversionOutcome.Sent));
            Assert.That(results[2].Outcome, Is.EqualTo(ConversionOutcome.Cancelled));
        });
    }

    [Test]
    public async Task TrackManyAsync_CallerStopsEarly_CancelsAndWaitsForEverySendStarted()
    {
        var slow = Enumerable.Range(1, 99).Select(i => $"ORD-{i}").ToArray();
        var fake = new FakePartnerize().AddFault(FakeFault.Delayed(TimeSpan.FromMinutes(5)).ForConversionRefs(slow));
        await using var services = TrackerHarness.Create(fake);
        var source = new CountingSource(100);

        ConversionResult? first = null;
        await foreach (var result in services.Tracker().TrackManyAsync(source, new TrackingBatchOptions { MaxConcurrency = 4 }))
        {
            first = result;
            break;
        }

        var requests = fake.TrackingRequests.Count;
        Assert.Multiple(() =>
        {
            Assert.That(first!.Outcome, Is.EqualTo(ConversionOutcome.Sent));
            Assert.That(fake.InFlight, Is.Zero, "No request outlives the enumeration.");
            Assert.That(requests, Is.LessThanOrEqualTo(1 + 4));
            Assert.That(source.Read, Is.LessThan(100));
        });
    }

    [Test]
    public async Task TrackManyAsync_InputThrows_RowsReadKeepTheirResultsThenTheExceptionSurfaces()
    {
        var fake = new FakePartnerize();
        await using var services = TrackerHarness.Create(fake);
        var results = new List<ConversionResult>();

        Assert.That(
            async () =>
            {
                await foreach (var result in services.Tracker().TrackManyAsync(FailingAfter(3)))
                {
                    results.Add(result);
                }
            },
            Throws.TypeOf<InvalidDataException>().With.Message.EqualTo("row 4 is unreadable"));
        Assert.That(results.Select(r => r.Outcome), Is.EqualTo(Enumerable.Repeat(ConversionOutcome.Sent, 3)));
    }

    [Test]
    public async Task TrackManyAsync_Conversions_AreSentWithoutValidationAgain()
    {
        var fake = new FakePartnerize();
        await using var services = TrackerHarness.Create(fake);
        var conversions = Enumerable.Range(0, 5).Select(i => new ConversionBuilder().ConversionRef($"C-{i}").ClickRef("k").AddItem("c", 1).Build()).ToArray();

        var fromList = await services.Tracker().TrackManyAsync(conversions, new TrackingBatchOptions { CampaignId = "abc" }).ToListAsync();
        var fromStream = await services.Tracker().TrackManyAsync(conversions.ToAsyncEnumerable()).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(fromList.Concat(fromStream), Has.All.Property(nameof(ConversionResult.Outcome)).EqualTo(ConversionOutcome.Sent));
            Assert.That(fake.Conversions.Select(c => c.CampaignId), Is.EqualTo(Enumerable.Repeat("abc", 5).Concat(Enumerable.Repeat(TrackerHarness.CampaignId, 5))));
        });
    }

    [Test]
    public async Task TrackManyAsync_NullRow_FailsThatRowOnly()
    {
        var fake = new FakePartnerize();
        await using var services = TrackerHarness.Create(fake);
        var drafts = new[] { TrackerHarness.Draft(0), null!, TrackerHarness.Draft(2) };

        var results = await services.Tracker().TrackManyAsync(drafts).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Outcome), Is.EqualTo(new[] { ConversionOutcome.Sent, ConversionOutcome.Failed, ConversionOutcome.Sent }));
            Assert.That(results[1].FailureReason, Is.EqualTo("The input held null instead of a conversion, so there was nothing to send."));
        });
    }

    [Test]
    public async Task TrackManyAsync_EnumeratedTwice_Throws()
    {
        await using var services = TrackerHarness.Create(new FakePartnerize());
        var results = services.Tracker().TrackManyAsync(TrackerHarness.Drafts(2));
        await results.ToListAsync();

        Assert.That(() => results.GetAsyncEnumerator(), Throws.InvalidOperationException.With.Message.Contains("only once"));
    }

    [Test]
    public async Task TrackManyAsync_BadBatchConcurrency_ThrowsBeforeAnythingIsRead()
    {
        await using var services = TrackerHarness.Create(new FakePartnerize());
        var source = new CountingSource(5);

        Assert.Multiple(() =>
        {
            Assert.That(() => services.Tracker().TrackManyAsync(source, new TrackingBatchOptions { MaxConcurrency = -1 }),
                Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("TrackingBatchOptions.MaxConcurrency must be 1 or more; got -1."));
            Assert.That(source.Read, Is.Zero);
        });
    }

    [Test]
    public async Task TrackManyAsync_BadConfiguredConcurrency_FailsOptionsValidationBeforeAnythingIsRead()
    {
        await using var services = TrackerHarness.Create(new FakePartnerize(), options => options.MaxConcurrency = 0);
        var source = new CountingSource(5);

        Assert.Multiple(() =>
        {
            Assert.That(() => services.Tracker().TrackManyAsync(source),
                Throws.InstanceOf<Microsoft.Extensions.Options.OptionsValidationException>().With.Message.Contains("Partnerize:MaxConcurrency"));
            Assert.That(source.Read, Is.Zero);
        });
    }

    [Test]
    public async Task TrackManyAsync_NoCampaign_ThrowsAtTheCall()
    {
        await using var services = TrackerHarness.Create(new FakePartnerize(), options => options.CampaignId = null);

        Assert.That(() => services.Tracker().TrackManyAsync(TrackerHarness.Drafts(1)),
            Throws.InvalidOperationException.With.Message.Contains("Partnerize:CampaignId"));
    }

    private static IEnumerable<ConversionDraft> FailingAfter(int rows)
    {
        for (var i = 0; i < rows; i++)
        {
            yield return TrackerHarness.Draft(i);
        }

        throw new InvalidDataException($"row {rows + 1} is unreadable");
    }

    private sealed class RecordingProgress : IProgress<TrackingProgress>
    {
        public List<TrackingProgress> Reports { get; } = [];

        public void Report(TrackingProgress value)
        {
            lock (Reports)
            {
                Reports.Add(value);
            }
        }
    }

    /// <summary>An endless-looking asynchronous input that counts how many rows were taken from it.</summary>
    private sealed class CountingSource(int count) : IAsyncEnumerable<ConversionDraft>
    {
        private int _read;

        public int Read => Volatile.Read(ref _read);

        public async IAsyncEnumerator<ConversionDraft> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            for (var i = 0; i < count; i++)
            {
                await Task.Yield();
                Interlocked.Increment(ref _read);
                yield return TrackerHarness.Draft(i);
            }
        }
    }
}
