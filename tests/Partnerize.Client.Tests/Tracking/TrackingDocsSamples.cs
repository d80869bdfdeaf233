using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Partnerize.Client.Conversions;
using Partnerize.Client.Testing;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Tests.Tracking;

// The samples of docs/tracking.md (and the README), compiled and run against the fake: keep them in step.
public class TrackingDocsSamples
{
    [Test]
    public async Task TrackAsync_DocsSample_SendsOneConversion()
    {
        var (tracker, fake, provider) = Setup();
        await using var _ = provider;
        var cancellationToken = CancellationToken.None;

        var draft = new ConversionDraft
        {
            ConversionRef = "ORD-1001",
            ClickRef = "1011l4pkbcD",
            Currency = "GBP",
            Item = ConversionItemDraft.Create("shoes", quantity: 1, value: 59.99m, sku: "SKU-1"),
        };

        ConversionResult result = await tracker.TrackAsync(draft, cancellationToken: cancellationToken);
        if (!result.IsSent)
        {
            Console.WriteLine($"{result.Outcome}: {result.FailureReason}");
        }

        Assert.That(fake.Conversions.Single().ConversionRef, Is.EqualTo("ORD-1001"));
    }

    [Test]
    public async Task TrackManyAsync_DocsSamples_SendAndSummarize()
    {
        var (tracker, fake, provider) = Setup();
        await using var _ = provider;
        var cancellationToken = CancellationToken.None;
        var drafts = TrackerHarness.Drafts(10).Append(new ConversionDraft());

        await foreach (ConversionResult result in tracker.TrackManyAsync(drafts, cancellationToken: cancellationToken))
        {
            if (!result.IsSent)
            {
                Console.WriteLine($"row {result.Index}: {result.Outcome}: {result.FailureReason}");
            }
        }

        TrackingSummary summary = await tracker.TrackManyAsync(drafts).SummarizeAsync();
        Console.WriteLine(summary); // 1,000 conversions: 998 sent, 2 rejected, 0 failed, 0 cancelled in 3.2 s (312/s)

        var options = new TrackingBatchOptions
        {
            Progress = new Progress<TrackingProgress>(p =>
                Console.Write($"\r{p.Completed:N0} done, {p.InFlight} in flight, {p.Failed} failed, {p.RowsPerSecond:N0}/s")),
            ProgressInterval = TimeSpan.FromMilliseconds(250), // the default; TimeSpan.Zero reports after every result
        };
        await foreach (var result in tracker.TrackManyAsync(drafts, options)) { /* ... */ }

        var totals = new TrackingSummaryBuilder();
        try
        {
            await foreach (var result in tracker.TrackManyAsync(drafts, cancellationToken: cancellationToken))
            {
                totals.Add(result);
            }
        }
        finally
        {
            Console.WriteLine(totals.ToSummary());
        }

        Assert.Multiple(() =>
        {
            Assert.That(summary.Sent, Is.EqualTo(10));
            Assert.That(summary.Rejected, Is.EqualTo(1));
            Assert.That(totals.ToSummary().Total, Is.EqualTo(11));
            Assert.That(fake.Conversions, Has.Count.EqualTo(40));
        });
    }

    [Test]
    public async Task TrackManyAsync_ReadmeSnippet_SendsOneAndABatch()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Partnerize:CampaignId"] = "10l176" }).Build();
        var fake = new FakePartnerize();
        var services = new ServiceCollection();
        var drafts = TrackerHarness.Drafts(5).Append(new ConversionDraft { ConversionRef = "ORD-X" });

        // The README's lines, from here ...
        services.AddPartnerize(configuration)
            .UseFakePartnerize(fake); // (not in the README)
        await using var provider = services.BuildServiceProvider();
        var tracker = provider.GetRequiredService<IConversionTracker>();

        ConversionResult result = await tracker.TrackAsync(new ConversionDraft
        {
            ConversionRef = "ORD-1001",
            ClickRef = "1011l4pkbcD",
            Currency = "GBP",
            Item = ConversionItemDraft.Create("shoes", quantity: 1, value: 59.99m),
        });
        Console.WriteLine($"{result.Outcome} {result.StatusCode} {result.Url}");

        TrackingSummary summary = await tracker.TrackManyAsync(drafts)
            .SummarizeAsync(r => { if (!r.IsSent) Console.WriteLine($"row {r.Index}: {r.FailureReason}"); });
        Console.WriteLine(summary);

        // ... to here.
        Assert.Multiple(() =>
        {
            Assert.That(result.IsSent, Is.True);
            Assert.That(summary.Sent, Is.EqualTo(5));
            Assert.That(summary.Rejected, Is.EqualTo(1));
            Assert.That(fake.Conversions, Has.Count.EqualTo(6));
        });
    }

    private static (IConversionTracker Tracker, FakePartnerize Fake, ServiceProvider Provider) Setup()
    {
        var fake = new FakePartnerize();
        var services = new ServiceCollection();
        services.AddPartnerize(options => options.CampaignId = "10l176").UseFakePartnerize(fake);
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<IConversionTracker>(), fake, provider);
    }
}
