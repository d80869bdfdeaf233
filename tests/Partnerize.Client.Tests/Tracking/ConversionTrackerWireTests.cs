using System.Diagnostics;
using System.Net;
using Partnerize.Client.Conversions;
using Partnerize.Client.Testing;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Tests.Tracking;

/// <summary>Against a real Kestrel server on 127.0.0.1: what actually goes over the wire.</summary>
public class ConversionTrackerWireTests
{
    [Test]
    public async Task TrackManyAsync_ReservedCharactersAndUnicode_ArriveByteForByteAsBuilt()
    {
        await using var server = await FakePartnerizeServer.StartAsync();
        await using var services = TrackerHarness.Create(server);
        string[] nasty =
        [
            "X/commission:999", "A][category:free", "100% off?#&+=;,'\"", "über straße", "日本語 🛒", "tab\there",
            "%2F%3A already escaped", "..", "./../", "a b\\c|d^e`f{g}h<i>j", "~-._ unreserved", "line\nbreak",
        ];
        var drafts = nasty.Select((value, i) => new ConversionDraft
        {
            ConversionRef = $"ref {value}",
            ClickRef = $"Click{value}",
            Voucher = value,
            CustomerRef = value,
            CustomParameters = [new CustomParameter("note", value)],
            Items = [ConversionItemDraft.Create(value, 1, 0.5m, value) with { CustomParameters = [new CustomParameter("size", value)] }],
        }).ToList();

        var results = await services.Tracker().TrackManyAsync(drafts).ToListAsync();

        var received = server.Fake.TrackingRequests.ToDictionary(r => r.ConversionRef!, r => r.RawTarget);
        Assert.Multiple(() =>
        {
            Assert.That(results, Has.All.Property(nameof(ConversionResult.Outcome)).EqualTo(ConversionOutcome.Sent));
            foreach (var result in results)
            {
                Assert.That(result.Url, Is.EqualTo(server.BaseAddress.GetLeftPart(UriPartial.Authority) + received[result.ConversionRef!]), result.ConversionRef);
                Assert.That(received[result.ConversionRef!], Does.StartWith("/conversion/tracking_mode:api/campaign:10l176/conversionref:"));
            }

            var roundTripped = server.Fake.Conversions.ToDictionary(c => c.ConversionRef);
            for (var i = 0; i < nasty.Length; i++)
            {
                var conversion = roundTripped[$"ref {nasty[i]}".Trim()].Conversion;
                Assert.That(conversion.Voucher, Is.EqualTo(nasty[i].Trim()));
                Assert.That(conversion.Items.Single().Category, Is.EqualTo(nasty[i].Trim()));
                Assert.That(conversion.Items.Single().CustomParameters.Single().Value, Is.EqualTo(nasty[i].Trim()));
            }
        });
    }

    [Test]
    public async Task TrackManyAsync_FiveThousandAtConcurrency32_EachArrivesExactlyOnceAndTheLimitHolds()
    {
        const int Rows = 5_000;
        const int Limit = 32;
        var fake = new FakePartnerize().AddFault(FakeFault.Delayed(TimeSpan.FromMilliseconds(1)));
        await using var server = await FakePartnerizeServer.StartAsync(fake);
        await using var services = TrackerHarness.Create(server);
        var clock = Stopwatch.StartNew();

        var summary = await services.Tracker()
            .TrackManyAsync(TrackerHarness.Drafts(Rows), new TrackingBatchOptions { MaxConcurrency = Limit })
            .SummarizeAsync();

        clock.Stop();
        var refs = fake.Conversions.Select(c => c.ConversionRef).ToList();
        TestContext.Out.WriteLine($"{summary}; peak in flight at the server {fake.PeakInFlight}; {clock.ElapsedMilliseconds} ms");
        Assert.Multiple(() =>
        {
            Assert.That(summary.Sent, Is.EqualTo(Rows));
            Assert.That(summary.Attempts, Is.EqualTo(Rows));
            Assert.That(refs, Has.Count.EqualTo(Rows));
            Assert.That(refs, Is.Unique);
            Assert.That(refs, Is.EquivalentTo(Enumerable.Range(0, Rows).Select(i => $"ORD-{i}")));
            Assert.That(fake.TrackingRequests, Has.Count.EqualTo(Rows));
            Assert.That(fake.PeakInFlight, Is.LessThanOrEqualTo(Limit));
            Assert.That(fake.PeakInFlight, Is.GreaterThan(1), "The batch was expected to run requests side by side.");
        });
    }

    [Test]
    public async Task TrackManyAsync_InjectedFaults_EveryRowAccountedForAndEverySentRowWasAnswered2xx()
    {
        const int Rows = 2_000;
        var fake = new FakePartnerize { Seed = 42 }
            .AddFault(FakeFault.Status(HttpStatusCode.ServiceUnavailable).ForShare(0.20))
            .AddFault(FakeFault.Status(HttpStatusCode.TooManyRequests).WithRetryAfter(TimeSpan.FromSeconds(1)).ForShare(0.10))
            .AddFault(FakeFault.DropConnection().ForShare(0.05));
        await using var server = await FakePartnerizeServer.StartAsync(fake);

        // Retry-After asks for a second; MaxRetryDelay (2 ms in the harness) caps it, so the test runs in seconds.
        await using var services = TrackerHarness.Create(server);

        var results = await services.Tracker().TrackManyAsync(TrackerHarness.Drafts(Rows), new TrackingBatchOptions { MaxConcurrency = 16 }).ToListAsync();

        var requestsByRef = fake.TrackingRequests.GroupBy(r => r.ConversionRef!).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Sequence).ToList());
        var accepted = fake.Conversions.GroupBy(c => c.ConversionRef).ToDictionary(g => g.Key, g => g.Count());
        var sent = results.Where(r => r.Outcome == ConversionOutcome.Sent).ToList();
        var failed = results.Where(r => r.Outcome == ConversionOutcome.Failed).ToList();
        TestContext.Out.WriteLine($"{sent.Count} sent, {failed.Count} failed, {fake.TrackingRequests.Count} requests, " +
                                  $"{fake.TrackingRequests.Count(r => r.ConnectionDropped)} dropped");
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Index), Is.EqualTo(Enumerable.Range(0, Rows).Select(i => (long)i)), "one result per row, in order");
            Assert.That(sent.Count + failed.Count, Is.EqualTo(Rows));
            Assert.That(failed, Is.Not.Empty, "Some rows were expected to run out of retries.");
            Assert.That(sent.Count(r => r.Attempts > 1), Is.GreaterThan(Rows / 4), "Many rows were expected to be retried.");
            foreach (var row in sent)
            {
                var requests = requestsByRef[row.ConversionRef!];
                Assert.That(requests[^1].StatusCode, Is.EqualTo(200), row.ConversionRef);
                Assert.That(requests.Take(requests.Count - 1).Select(r => r.StatusCode), Has.None.EqualTo(200), row.ConversionRef);
                Assert.That(accepted[row.ConversionRef!], Is.EqualTo(1), row.ConversionRef);
                Assert.That(row.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }

            foreach (var row in failed)
            {
                var last = requestsByRef[row.ConversionRef!][^1];
                Assert.That(row.Attempts, Is.EqualTo(4), row.ConversionRef);
                Assert.That(accepted.ContainsKey(row.ConversionRef!), Is.False, row.ConversionRef);
                Assert.That(row.StatusCode is null ? (int?)null : (int)row.StatusCode, Is.EqualTo(last.StatusCode), row.ConversionRef);
                Assert.That(row.FailureReason, Does.Contain("no retries were left after 4 attempts"), row.ConversionRef);
            }
        });
    }
}
