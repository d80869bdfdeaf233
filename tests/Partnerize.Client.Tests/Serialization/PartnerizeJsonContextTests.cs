using System.Text.Json;
using Partnerize.Client.Campaigns;
using Partnerize.Client.Serialization;

namespace Partnerize.Client.Tests.Serialization;

public class PartnerizeJsonContextTests
{
    // Shaped like a real answer: documented fields, undocumented ones (objects, arrays, numbers), nulls, and a status
    // this version does not know.
    private const string RealisticList = """
        {
          "campaigns": [
            {
              "campaign": {
                "campaign_id": "10l176",
                "advertiser_id": "10l161",
                "title": "Acme UK",
                "status": "a",
                "default_currency": "GBP",
                "tracking_method": "s2s",
                "test_mode": "n",
                "unique_conversion_refs": "y",
                "conversion_type": "sale",
                "reporting_timezone": "Europe/London",
                "description": "Spring sale",
                "created_by": 17,
                "campaign_languages": [{"campaign_language": {"language": "en"}}],
                "commission": {"default": {"percentage": 7.5}},
                "is_cpc": false
              }
            },
            {
              "campaign": {
                "campaign_id": 1011,
                "advertiser_id": null,
                "title": "Acme DE",
                "status": "x",
                "default_currency": "EUR",
                "test_mode": "y",
                "unique_conversion_refs": "ignore",
                "some_future_block": {"nested": [1, 2, {"deep": true}]}
              }
            }
          ],
          "count": "2",
          "offset": 0,
          "limit": 100,
          "execution_time": "0.1234 seconds",
          "hypermedia": {"pagination": {"total_page_count": 1, "next_page": null, "previous_page": null}, "links": []}
        }
        """;

    [Test]
    public void Deserialize_RealisticListWithExtraFieldsAndUnknownStatus_ReadsDocumentedFields()
    {
        var page = JsonSerializer.Deserialize(RealisticList, PartnerizeJsonContext.Default.CampaignListResponse)!;
        var first = page.Campaigns[0]!.Campaign!;
        var second = page.Campaigns[1]!.Campaign!;

        Assert.Multiple(() =>
        {
            Assert.That(page.Count, Is.EqualTo(2));
            Assert.That(page.Limit, Is.EqualTo(100));
            Assert.That(page.Hypermedia!.Pagination!.NextPage, Is.Null);
            Assert.That(first, Is.EqualTo(new Campaign
            {
                CampaignId = "10l176",
                AdvertiserId = "10l161",
                Title = "Acme UK",
                Status = CampaignStatus.Approved,
                DefaultCurrency = "GBP",
                TrackingMethod = "s2s",
                TestMode = false,
                UniqueConversionRefs = "y",
                ConversionType = "sale",
                ReportingTimezone = "Europe/London",
            }));
            Assert.That(second.CampaignId, Is.EqualTo("1011"), "a numeric ID is read as text");
            Assert.That(second.AdvertiserId, Is.Null);
            Assert.That(second.Status.Value, Is.EqualTo("x"));
            Assert.That(second.Status.IsKnown, Is.False);
            Assert.That(second.Status.DisplayName, Is.EqualTo("x"));
            Assert.That(second.TestMode, Is.True);
            Assert.That(second.UniqueConversionRefs, Is.EqualTo("ignore"));
        });
    }

    [Test]
    public void Deserialize_FieldsOfUnexpectedTypes_ReadAsAbsentInsteadOfFailing()
    {
        const string json = """
            {"campaigns": [{"campaign": {"campaign_id": null, "title": {"en": "Acme"}, "status": 3, "test_mode": "maybe",
              "default_currency": ["GBP"], "reporting_timezone": true}}], "count": {"total": 1}, "offset": "soon"}
            """;

        var page = JsonSerializer.Deserialize(json, PartnerizeJsonContext.Default.CampaignListResponse)!;
        var campaign = page.Campaigns.Single()!.Campaign!;

        Assert.Multiple(() =>
        {
            Assert.That(campaign.CampaignId, Is.Empty);
            Assert.That(campaign.Title, Is.Null);
            Assert.That(campaign.Status, Is.EqualTo(new CampaignStatus("3")));
            Assert.That(campaign.TestMode, Is.Null);
            Assert.That(campaign.DefaultCurrency, Is.Null);
            Assert.That(campaign.ReportingTimezone, Is.EqualTo("true"));
            Assert.That(page.Count, Is.Null);
            Assert.That(page.Offset, Is.Null);
        });
    }

    [Test]
    public void Deserialize_MissingOrNullCollections_ReadAsEmpty()
    {
        var list = JsonSerializer.Deserialize("""{"campaigns": null}""", PartnerizeJsonContext.Default.CampaignListResponse)!;
        var accounts = JsonSerializer.Deserialize("{}", PartnerizeJsonContext.Default.UserAccountsResponse)!;
        var single = JsonSerializer.Deserialize("""{"campaign": {"campaign_id": "1", "status": null}}""", PartnerizeJsonContext.Default.CampaignResponse)!;

        Assert.Multiple(() =>
        {
            Assert.That(list.Campaigns, Is.Empty);
            Assert.That(accounts.UserAccounts, Is.Empty);
            Assert.That(single.Campaign!.Status, Is.EqualTo(default(CampaignStatus)));
            Assert.That(single.Campaign.Status.DisplayName, Is.EqualTo("none"));
        });
    }

    [Test]
    public void Serialize_CampaignList_RoundTripsWithSnakeCaseNames()
    {
        IReadOnlyList<Campaign> campaigns =
        [
            new Campaign { CampaignId = "10l176", Title = "Acme", Status = CampaignStatus.Pending, TestMode = true },
            new Campaign { CampaignId = "10l177", Status = new CampaignStatus("z") },
        ];

        var json = JsonSerializer.Serialize(campaigns, PartnerizeJsonContext.Default.IReadOnlyListCampaign);
        var back = JsonSerializer.Deserialize(json, PartnerizeJsonContext.Default.IReadOnlyListCampaign);

        Assert.Multiple(() =>
        {
            Assert.That(json, Does.Contain("\"campaign_id\":\"10l176\"").And.Contain("\"status\":\"p\"").And.Contain("\"test_mode\":true"));
            Assert.That(back, Is.EqualTo(campaigns));
        });
    }

    [Test]
    public void Serialize_ConnectionTestResult_WritesStatusAsTextAndSucceeded()
    {
        var result = new ConnectionTestResult { Status = ConnectionTestStatus.NoCampaigns, Message = "none", CampaignCount = 0, StatusCode = System.Net.HttpStatusCode.OK };

        var json = JsonSerializer.Serialize(result, PartnerizeJsonContext.Default.ConnectionTestResult);

        Assert.That(json, Is.EqualTo(
            """{"status":"NoCampaigns","succeeded":false,"message":"none","api_base_address":null,"account_count":null,"campaign_count":0,"status_code":200,"error_code":null}"""));
    }
}
