using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Partnerize.Client.Testing;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Tests.Testing;

/// <summary>The fake Partnerize as a real Kestrel server on 127.0.0.1.</summary>
public class FakePartnerizeServerTests
{
    [Test]
    public async Task StartAsync_ListensOnLoopbackAndServesBothHosts()
    {
        var fake = new FakePartnerize().AddCampaign(new FakeCampaign("10l176", "Shoes"));
        await using var server = await FakePartnerizeServer.StartAsync(fake);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{fake.ApplicationKey}:{fake.ApiKey}")));

        using var campaigns = await http.GetAsync(new Uri("campaign", UriKind.Relative));
        using var tracking = await http.GetAsync(new Uri(
            "conversion/tracking_mode:api/campaign:10l176/conversionref:A%2FB/clickref:c/[category:x/quantity:1]", UriKind.Relative));

        Assert.Multiple(async () =>
        {
            Assert.That(server.BaseAddress.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(server.BaseAddress.Port, Is.GreaterThan(0));
            Assert.That(campaigns.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await campaigns.Content.ReadAsStringAsync(), Does.Contain("\"campaign_id\":\"10l176\""));
            Assert.That(tracking.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(fake.TrackingRequests.Single().RawTarget, Is.EqualTo(
                "/conversion/tracking_mode:api/campaign:10l176/conversionref:A%2FB/clickref:c/[category:x/quantity:1]"));
            Assert.That(fake.Conversions.Single().ConversionRef, Is.EqualTo("A/B"));
        });
    }

    [Test]
    public async Task DropConnection_AbortsTheConnectionWithoutAnAnswer()
    {
        var fake = new FakePartnerize().AddFault(FakeFault.DropConnection());
        await using var server = await FakePartnerizeServer.StartAsync(fake);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        Assert.That(() => http.GetAsync(new Uri("conversion/tracking_mode:api/campaign:x/conversionref:a/clickref:b/[category:c/quantity:1]", UriKind.Relative)),
            Throws.TypeOf<HttpRequestException>());
        Assert.That(fake.TrackingRequests.Single().ConnectionDropped, Is.True);
    }

    [Test]
    public async Task Configure_PointsTheTrackerAtTheServer()
    {
        await using var server = await FakePartnerizeServer.StartAsync();
        var services = new ServiceCollection();
        services.AddPartnerize(options =>
        {
            server.Configure(options);
            options.CampaignId = "10l176";
        });
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<IConversionTracker>().TrackAsync(Tracking.TrackerHarness.Draft(1));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConversionOutcome.Sent));
            Assert.That(result.Url, Does.StartWith(server.BaseAddress.ToString()));
            Assert.That(server.Fake.Conversions.Single().ConversionRef, Is.EqualTo("ORD-1"));
        });
    }
}
