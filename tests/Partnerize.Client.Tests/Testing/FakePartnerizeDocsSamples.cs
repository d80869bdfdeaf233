using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Partnerize.Client.Conversions;
using Partnerize.Client.Testing;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Tests.Testing;

// The samples of docs/testing.md, compiled and run: keep the two in step.
public class FakePartnerizeDocsSamples
{
    public sealed record Order(string Id, string ClickRef, string Currency, string Category, int Quantity, decimal Total);

    public sealed class OrderExporter(IConversionTracker tracker)
    {
        public async Task<TrackingSummary> ExportAsync(IEnumerable<Order> orders, CancellationToken cancellationToken = default)
        {
            var drafts = orders.Select(order => new ConversionDraft
            {
                ConversionRef = order.Id,
                ClickRef = order.ClickRef,
                Currency = order.Currency,
                Item = ConversionItemDraft.Create(order.Category, order.Quantity, order.Total),
            });

            return await tracker.TrackManyAsync(drafts, cancellationToken: cancellationToken)
                .SummarizeAsync(cancellationToken: cancellationToken);
        }
    }

    [Test]
    public async Task ExportAsync_SendsEveryOrderToPartnerize()
    {
        var fake = new FakePartnerize();
        var services = new ServiceCollection();
        services.AddPartnerize(options => options.CampaignId = "10l176").UseFakePartnerize(fake);
        services.AddTransient<OrderExporter>();
        await using var provider = services.BuildServiceProvider();

        var summary = await provider.GetRequiredService<OrderExporter>().ExportAsync(
            [new Order("ORD-1", "1011l4pkbcD", "GBP", "shoes", 2, 59.99m)]);

        Assert.That(summary.Sent, Is.EqualTo(1));
        var received = fake.Conversions.Single();
        Assert.That(received.CampaignId, Is.EqualTo("10l176"));
        Assert.That(received.Conversion.ConversionRef, Is.EqualTo("ORD-1"));
        Assert.That(received.Conversion.Items.Single().Quantity, Is.EqualTo(2));
        Assert.That(received.Conversion.Items.Single().Value, Is.EqualTo(59.99m));
    }

    [Test]
    public async Task ExportAsync_WhenPartnerizeMisbehaves_ReportsWhatHappened()
    {
        var fake = new FakePartnerize()
            .AddFault(FakeFault.Status(HttpStatusCode.BadRequest, "duplicate conversion").ForConversionRefs("ORD-2"))
            .AddFault(FakeFault.Status(HttpStatusCode.ServiceUnavailable).ForFirstAttempts(1));
        var services = new ServiceCollection();
        services.AddPartnerize(options =>
        {
            options.CampaignId = "10l176";
            options.RetryBaseDelay = TimeSpan.Zero; // retries without waiting
        }).UseFakePartnerize(fake);
        services.AddTransient<OrderExporter>();
        await using var provider = services.BuildServiceProvider();

        var summary = await provider.GetRequiredService<OrderExporter>().ExportAsync(
        [
            new Order("ORD-1", "click-1", "GBP", "shoes", 1, 10m),
            new Order("ORD-2", "click-2", "GBP", "shoes", 1, 10m),
        ]);

        Assert.That(summary.Sent, Is.EqualTo(1));   // ORD-1, on its second attempt
        Assert.That(summary.Failed, Is.EqualTo(1)); // ORD-2: 400 is not retried
        Assert.That(fake.TrackingRequests, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task ExportAsync_OverRealHttp_SendsTheUrlUnchanged()
    {
        await using var server = await FakePartnerizeServer.StartAsync();
        var services = new ServiceCollection();
        services.AddPartnerize(options =>
        {
            server.Configure(options); // both base addresses and the fake's keys
            options.CampaignId = "10l176";
        });
        services.AddTransient<OrderExporter>();
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<OrderExporter>().ExportAsync(
            [new Order("A/B 7", "click-1", "GBP", "shoes & socks", 1, 10m)]);

        var request = server.Fake.TrackingRequests.Single();
        Assert.That(request.RawTarget, Does.Contain("/conversionref:A%2FB%207/"));
        Assert.That(request.Header("Authorization"), Is.Null);
        Assert.That(server.Fake.Conversions.Single().Conversion.Items[0].Category, Is.EqualTo("shoes & socks"));
    }

    [Test]
    public async Task ManagementApi_CampaignsAsInTheDocs_AreListedBehindTheKeys()
    {
        var fake = new FakePartnerize { ApplicationKey = "test-app-key", ApiKey = "test-api-key", CampaignPageSize = 50 }
            .AddCampaign(new FakeCampaign("10l176", "Shoes UK") { DefaultCurrency = "GBP", UniqueConversionRefs = "y" })
            .AddCampaign(new FakeCampaign("10l177", "Shoes IE") { Status = "p", TestMode = "y" });
        using var http = new HttpClient(new FakePartnerizeHandler(fake)) { BaseAddress = PartnerizeOptions.DefaultApiBaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("test-app-key:test-api-key")));

        var body = await http.GetStringAsync(new Uri("campaign", UriKind.Relative));

        Assert.That(body, Does.Contain("\"campaign_id\":\"10l176\"").And.Contain("\"test_mode\":\"y\"").And.Contain("\"next_page\":null"));
    }

    [Test]
    public void ConversionResult_CanBeBuiltForHandWrittenSubstitutes()
    {
        var failed = new ConversionResult
        {
            Index = 0,
            Outcome = ConversionOutcome.Failed,
            ConversionRef = "ORD-1",
            StatusCode = HttpStatusCode.ServiceUnavailable,
            Attempts = 4,
            FailureReason = "Partnerize answered 503 (Service Unavailable) and no retries were left after 4 attempts.",
        };

        Assert.That(failed.IsSent, Is.False);
    }
}
