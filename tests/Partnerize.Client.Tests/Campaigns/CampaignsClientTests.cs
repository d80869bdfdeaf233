using System.Net;
using Partnerize.Client.Campaigns;
using RichardSzalay.MockHttp;

namespace Partnerize.Client.Tests.Campaigns;

public class CampaignsClientTests
{
    [Test]
    public async Task ListCampaignsAsync_ThreePages_FollowsNextPageAndReturnsAllInOrder()
    {
        using var harness = ApiHarness.Create();
        harness.Mock.Expect(HttpMethod.Get, ApiHarness.ApiHost + "/campaign")
            .Respond("application/json", ApiHarness.PageJson("/campaign?offset=2&limit=2", "10l176", "10l177"));
        harness.Mock.Expect(HttpMethod.Get, ApiHarness.ApiHost + "/campaign").WithExactQueryString("offset=2&limit=2")
            .Respond("application/json", ApiHarness.PageJson("/campaign?offset=4&limit=2", "10l178", "10l179"));
        harness.Mock.Expect(HttpMethod.Get, ApiHarness.ApiHost + "/campaign").WithExactQueryString("offset=4&limit=2")
            .Respond("application/json", ApiHarness.PageJson(null, "10l180"));

        var campaigns = await harness.Campaigns.ListCampaignsAsync();

        harness.Mock.VerifyNoOutstandingExpectation();
        var span = harness.Activities.Single(a => a.OperationName == "partnerize.campaigns.list");
        Assert.Multiple(() =>
        {
            Assert.That(campaigns.Select(c => c.CampaignId), Is.EqualTo(new[] { "10l176", "10l177", "10l178", "10l179", "10l180" }));
            Assert.That(campaigns.Select(c => c.Status), Is.All.EqualTo(CampaignStatus.Approved));
            Assert.That(span.GetTagItem("partnerize.campaign.count"), Is.EqualTo(5));
            Assert.That(span.GetTagItem("partnerize.page.count"), Is.EqualTo(3));
            Assert.That(harness.Logs.GetSnapshot().Single(r => r.Id.Name == "CampaignsListed").Message, Is.EqualTo("Listed 5 Partnerize campaigns from 3 pages"));
        });
    }

    [Test]
    public async Task ListCampaignsAsync_NextPageMissingOrBlank_StopsAfterOnePage()
    {
        using var harness = ApiHarness.Create();
        harness.Mock.Expect(HttpMethod.Get, ApiHarness.ApiHost + "/campaign")
            .Respond("application/json", """{"campaigns": [{"campaign": {"campaign_id": "1"}}, {"campaign": null}, null], "hypermedia": {"pagination": {"next_page": "  "}}}""");

        var campaigns = await harness.Campaigns.ListCampaignsAsync();

        Assert.That(campaigns.Select(c => c.CampaignId), Is.EqualTo(new[] { "1" }));
    }

    [Test]
    public void ListCampaignsAsync_NextPageOnAnotherHost_ThrowsWithoutFollowingIt()
    {
        using var harness = ApiHarness.Create();
        harness.Mock.Expect(HttpMethod.Get, ApiHarness.ApiHost + "/campaign")
            .Respond("application/json", ApiHarness.PageJson("https://evil.example/campaign?offset=2", "1"));

        var exception = Assert.ThrowsAsync<PartnerizeApiException>(() => harness.Campaigns.ListCampaignsAsync());

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Kind, Is.EqualTo(PartnerizeApiErrorKind.InvalidResponse));
            Assert.That(exception.Message, Does.Contain("next_page points to another host (https://evil.example)"));
        });
    }

    [Test]
    public void ListCampaignsAsync_NextPageLeadsBack_ThrowsInsteadOfLoopingForEver()
    {
        using var harness = ApiHarness.Create();
        harness.Mock.Expect(HttpMethod.Get, ApiHarness.ApiHost + "/campaign")
            .Respond("application/json", ApiHarness.PageJson("/campaign?offset=2", "1"));
        var secondPage = harness.Mock.When(HttpMethod.Get, ApiHarness.ApiHost + "/campaign").WithExactQueryString("offset=2")
            .Respond("application/json", ApiHarness.PageJson("/campaign?offset=2", "2"));

        var exception = Assert.ThrowsAsync<PartnerizeApiException>(() => harness.Campaigns.ListCampaignsAsync());

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Message, Does.Contain("already read"));
            Assert.That(harness.Mock.GetMatchCount(secondPage), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task GetCampaignAsync_IdWithReservedCharacters_EscapesItIntoThePath()
    {
        using var harness = ApiHarness.Create();
        HttpRequestMessage? seen = null;
        harness.Mock.Expect(HttpMethod.Get, ApiHarness.ApiHost + "/*")
            .Respond(request =>
            {
                seen = request;
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(ApiHarness.CampaignJson("a/b?c", "p")) };
            });

        var campaign = await harness.Campaigns.GetCampaignAsync(" a/b?c ");

        Assert.Multiple(() =>
        {
            Assert.That(seen!.RequestUri!.AbsolutePath, Is.EqualTo("/campaign/a%2Fb%3Fc"));
            Assert.That(seen.RequestUri.Query, Is.Empty);
            Assert.That(campaign.CampaignId, Is.EqualTo("a/b?c"));
            Assert.That(campaign.Status, Is.EqualTo(CampaignStatus.Pending));
            Assert.That(harness.Activities.Single(a => a.OperationName == "partnerize.campaigns.get").GetTagItem("partnerize.campaign.id"), Is.EqualTo("a/b?c"));
        });
    }

    [Test]
    public void GetCampaignAsync_AnswerWithoutCampaign_ThrowsInvalidResponse()
    {
        using var harness = ApiHarness.Create();
        harness.Mock.Expect(HttpMethod.Get, ApiHarness.ApiHost + "/campaign/10l176").Respond("application/json", """{"other": 1}""");

        var exception = Assert.ThrowsAsync<PartnerizeApiException>(() => harness.Campaigns.GetCampaignAsync("10l176"));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Kind, Is.EqualTo(PartnerizeApiErrorKind.InvalidResponse));
            Assert.That(exception.Message, Does.Contain("GET /campaign/10l176").And.Contain("no \"campaign\" object"));
        });
    }

    [TestCase("")]
    [TestCase("   ")]
    public void GetCampaignAsync_BlankId_ThrowsArgumentExceptionWithoutSending(string campaignId)
    {
        using var harness = ApiHarness.Create();

        Assert.ThrowsAsync<ArgumentException>(() => harness.Campaigns.GetCampaignAsync(campaignId));
    }

    [Test]
    public void ListCampaignsAsync_CallerCancels_ThrowsOperationCanceled()
    {
        using var harness = ApiHarness.Create();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.That(() => harness.Campaigns.ListCampaignsAsync(cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
    }
}
