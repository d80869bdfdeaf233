using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Partnerize.Client.Conversions;
using Partnerize.Client.Diagnostics;
using Partnerize.Client.Testing;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Tests.Tracking;

public class ConversionTrackerTelemetryTests
{
    private const string Canary = "canary-secret-9f3b";

    [Test]
    public async Task TrackManyAsync_Metrics_CountConversionsByOutcomeAndTimeEveryAttemptByStatusClass()
    {
        var fake = new FakePartnerize()
            .AddFault(FakeFault.Status(HttpStatusCode.BadRequest).ForConversionRefs("ORD-1"))
            .AddFault(FakeFault.Status(HttpStatusCode.ServiceUnavailable).ForConversionRefs("ORD-2"));
        await using var services = TrackerHarness.Create(fake);
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        using var conversions = new MetricCollector<long>(meterFactory, PartnerizeDiagnostics.MeterName, "partnerize.tracking.conversions");
        using var durations = new MetricCollector<double>(meterFactory, PartnerizeDiagnostics.MeterName, "partnerize.tracking.request.duration");
        var drafts = TrackerHarness.Drafts(8).Select((d, i) => i >= 6 ? d with { ClickRef = null } : d);

        await services.Tracker().TrackManyAsync(drafts).ToListAsync();

        var byOutcome = conversions.GetMeasurementSnapshot().GroupBy(m => (string)m.Tags["outcome"]!).ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
        var byStatusClass = durations.GetMeasurementSnapshot().GroupBy(m => (string)m.Tags["status_class"]!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Multiple(() =>
        {
            Assert.That(byOutcome, Is.EquivalentTo(new Dictionary<string, long> { ["sent"] = 4, ["failed"] = 2, ["rejected"] = 2 }));
            Assert.That(byStatusClass, Is.EquivalentTo(new Dictionary<string, int> { ["2xx"] = 4, ["4xx"] = 1, ["5xx"] = 4 }));
            Assert.That(conversions.GetMeasurementSnapshot().Select(m => m.Tags.Keys.Single()), Has.All.EqualTo("outcome"));
            Assert.That(durations.GetMeasurementSnapshot().Select(m => m.Tags.Keys.Single()), Has.All.EqualTo("status_class"));
            Assert.That(durations.GetMeasurementSnapshot().Select(m => m.Value), Has.All.GreaterThanOrEqualTo(0d));
        });
    }

    [Test]
    public async Task TrackManyAsync_Activities_OneSpanPerSendUnderOneBatchSpanWithoutReferences()
    {
        var fake = new FakePartnerize().AddFault(FakeFault.Status(HttpStatusCode.BadRequest).ForConversionRefs("ORD-1"));
        await using var services = TrackerHarness.Create(fake);
        using var recorder = new ActivityRecorder(source => source == PartnerizeDiagnostics.ActivitySourceName);
        var drafts = TrackerHarness.Drafts(3).Select((d, i) => i == 2 ? d with { Item = null } : d);

        await services.Tracker().TrackManyAsync(drafts).ToListAsync();

        var batch = recorder.Activities.Single(a => a.OperationName == "Partnerize.TrackConversions");
        var sends = recorder.Activities.Where(a => a.OperationName == "Partnerize.TrackConversion").OrderBy(a => a.StartTimeUtc).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(sends, Has.Count.EqualTo(2), "The rejected row is never sent, so it has no send span.");
            Assert.That(sends.Select(s => s.ParentSpanId), Has.All.EqualTo(batch.SpanId));
            Assert.That(sends.Select(s => s.GetTagItem("partnerize.campaign.id")), Has.All.EqualTo(TrackerHarness.CampaignId));
            Assert.That(sends.Select(s => s.GetTagItem("partnerize.conversion.outcome")), Is.EquivalentTo(new[] { "sent", "failed" }));
            Assert.That(sends.Select(s => s.GetTagItem("http.response.status_code")), Is.EquivalentTo(new object[] { 200, 400 }));
            Assert.That(sends.Select(s => s.GetTagItem("partnerize.attempts")), Has.All.EqualTo(1));
            Assert.That(sends.Single(s => (string?)s.GetTagItem("partnerize.conversion.outcome") == "failed").Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(batch.GetTagItem("partnerize.batch.total"), Is.EqualTo(3L));
            Assert.That(batch.GetTagItem("partnerize.batch.sent"), Is.EqualTo(1L));
            Assert.That(batch.GetTagItem("partnerize.batch.rejected"), Is.EqualTo(1L));
            Assert.That(batch.GetTagItem("partnerize.batch.failed"), Is.EqualTo(1L));
            Assert.That(recorder.AllText(), Does.Not.Contain("ORD-").And.Not.Contain("click-").And.Not.Contain("/conversion/"));
            Assert.That(Activity.Current, Is.Null, "The batch span must not leak into the caller.");
        });
    }

    [Test]
    public async Task TrackManyAsync_HealthyRows_LogNothingAtInformationOrAbove()
    {
        await using var services = TrackerHarness.Create(new FakePartnerize());

        await services.Tracker().TrackManyAsync(TrackerHarness.Drafts(20)).ToListAsync();

        var records = services.GetFakeLogCollector().GetSnapshot();
        Assert.Multiple(() =>
        {
            Assert.That(records.Where(r => r.Level >= LogLevel.Information).Select(r => $"{r.Category}: {r.Message}"), Is.Empty);
            Assert.That(records.Where(r => r.Category == "Partnerize.Client.Tracking").Select(r => r.Id.Name),
                Does.Contain("ConversionSent").And.Contain("BatchStarted").And.Contain("BatchCompleted"));
            Assert.That(records.Where(r => r.Category == "Polly"), Is.Empty,
                "The tracking client's retries are its own handler, not a Polly pipeline, so they log nothing per attempt.");
        });
    }

    [Test]
    public async Task TrackManyAsync_FailedRow_WarnsWithStableEventAndNoReferences()
    {
        var fake = new FakePartnerize().AddFault(FakeFault.Status(HttpStatusCode.ServiceUnavailable).ForConversionRefs("ORD-1"));
        await using var services = TrackerHarness.Create(fake);

        await services.Tracker().TrackManyAsync(TrackerHarness.Drafts(3).Append(TrackerHarness.Draft(3) with { Currency = "EURO" })).ToListAsync();

        var tracking = services.GetFakeLogCollector().GetSnapshot().Where(r => r.Category == "Partnerize.Client.Tracking").ToList();
        var warning = tracking.Single(r => r.Level == LogLevel.Warning);
        Assert.Multiple(() =>
        {
            Assert.That(warning.Id.Id, Is.EqualTo(201));
            Assert.That(warning.Id.Name, Is.EqualTo("ConversionFailed"));
            Assert.That(warning.Message, Is.EqualTo(
                "Conversion 1 for campaign 10l176 failed after 4 attempt(s): Partnerize answered 503 (Service Unavailable) and no retries were left after 4 attempts."));
            Assert.That(tracking.Single(r => r.Id.Name == "ConversionRejected").Message, Is.EqualTo(
                "Conversion 3 for campaign 10l176 was rejected before sending: currency_invalid."));
            Assert.That(tracking.Select(r => r.Id.Id), Has.All.InRange(200, 299));
            Assert.That(tracking.Select(r => r.Message), Has.None.Contain("ORD-").And.None.Contain("click-").And.None.Contain("/conversion/"));
        });
    }

    [Test]
    public async Task Tracker_SecretCanary_AppearsNowhereAndNoAuthorizationReachesTheTrackingHost()
    {
        var fake = new FakePartnerize { ApplicationKey = Canary, ApiKey = Canary }
            .AddFault(FakeFault.Status(HttpStatusCode.BadRequest).ForConversionRefs("ORD-1"))
            .AddFault(FakeFault.Status(HttpStatusCode.ServiceUnavailable).ForConversionRefs("ORD-2"))
            .AddFault(FakeFault.DropConnection().ForConversionRefs("ORD-3"))
            .AddFault(FakeFault.Delayed(TimeSpan.FromMinutes(5)).ForConversionRefs("ORD-9"));
        await using var server = await FakePartnerizeServer.StartAsync(fake);
        using var recorder = new ActivityRecorder(_ => true);
        await using var services = TrackerHarness.Create(server, options =>
        {
            options.ApplicationKey = Canary;
            options.ApiKey = Canary;
        });
        var tracker = services.Tracker();
        var texts = new List<string> { services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PartnerizeOptions>>().Value.ToString() };

        texts.Add((await tracker.TrackAsync(TrackerHarness.Draft(100))).ToString());
        using (var cancellation = new CancellationTokenSource())
        {
            var drafts = TrackerHarness.Drafts(12).Select((d, i) => i == 4 ? d with { Item = null } : d);
            var results = new List<ConversionResult>();
            var batch = Task.Run(async () =>
            {
                await foreach (var result in tracker.TrackManyAsync(drafts, new TrackingBatchOptions { MaxConcurrency = 2 }, cancellation.Token))
                {
                    results.Add(result);
                }
            });
            await fake.WaitForRequestsAsync(1 + 11, cancellationToken: TrackerHarness.GuardToken);
            await cancellation.CancelAsync();
            texts.Add(Assert.CatchAsync<OperationCanceledException>(() => batch.WaitAsync(TrackerHarness.Guard))!.ToString());
            texts.AddRange(results.Select(r => r.ToString()));
            Assert.That(results.Select(r => r.Outcome), Is.SupersetOf(new[]
            {
                ConversionOutcome.Sent, ConversionOutcome.Rejected, ConversionOutcome.Failed, ConversionOutcome.Cancelled,
            }));
        }

        texts.Add(Assert.Throws<ArgumentException>(() => tracker.TrackManyAsync(TrackerHarness.Drafts(1), new TrackingBatchOptions { CampaignId = "" }))!.ToString());
        await using (var noCampaign = TrackerHarness.Create(server, options =>
        {
            options.ApplicationKey = Canary;
            options.CampaignId = null;
        }))
        {
            texts.Add(Assert.ThrowsAsync<InvalidOperationException>(() => noCampaign.Tracker().TrackAsync(TrackerHarness.Draft(1)))!.ToString());
        }

        foreach (var record in services.GetFakeLogCollector().GetSnapshot())
        {
            texts.Add($"{record.Category} {record.Message} {record.Exception}");
            texts.AddRange(record.StructuredState?.Select(kv => $"{kv.Key}={kv.Value}") ?? []);
        }

        texts.Add(recorder.AllText());
        var trackingRequests = fake.TrackingRequests;
        Assert.Multiple(() =>
        {
            Assert.That(trackingRequests, Has.Count.GreaterThan(10));
            Assert.That(trackingRequests.Select(r => r.Header("Authorization")), Has.All.Null);
            Assert.That(trackingRequests.SelectMany(r => r.Headers).Select(h => h.Value), Has.None.Contain(Canary));
            Assert.That(recorder.Activities, Is.Not.Empty);
            Assert.That(texts, Has.None.Contain(Canary));
        });
    }

    /// <summary>Records every stopped activity of the sources it listens to, tags and all.</summary>
    private sealed class ActivityRecorder : IDisposable
    {
        private readonly ConcurrentQueue<Activity> _activities = new();
        private readonly ActivityListener _listener;

        public ActivityRecorder(Func<string, bool> listenTo)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => listenTo(source.Name),
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = _activities.Enqueue,
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyList<Activity> Activities => [.. _activities];

        public string AllText() => string.Join(
            "\n",
            _activities.Select(a => $"{a.Source.Name} {a.OperationName} {a.DisplayName} {a.StatusDescription} " +
                                    string.Join(" ", a.TagObjects.Select(t => $"{t.Key}={t.Value}")) + " " +
                                    string.Join(" ", a.Baggage.Select(b => $"{b.Key}={b.Value}")) + " " +
                                    string.Join(" ", a.Events.Select(e => e.Name + string.Join(" ", e.Tags.Select(t => $"{t.Key}={t.Value}"))))));

        public void Dispose() => _listener.Dispose();
    }
}
