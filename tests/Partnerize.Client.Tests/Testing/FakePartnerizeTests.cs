using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Partnerize.Client.Testing;

namespace Partnerize.Client.Tests.Testing;

/// <summary>The fake Partnerize through its in-memory handler, driven with a plain <see cref="HttpClient"/>.</summary>
public class FakePartnerizeTests
{
    private const string ValidPath = "/conversion/tracking_mode:api/campaign:10l176/conversionref:ORD-1/clickref:abc/[category:shoes/quantity:1]";

    [Test]
    public async Task Tracking_ValidUrl_Answers200WithAnIdAndRecordsTheConversion()
    {
        var fake = new FakePartnerize();
        using var http = Client(fake);

        using var response = await http.GetAsync(new Uri("https://prf.hn" + ValidPath));

        var received = fake.Conversions.Single();
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("fake-conversion-1"));
            Assert.That(received.CampaignId, Is.EqualTo("10l176"));
            Assert.That(received.ConversionRef, Is.EqualTo("ORD-1"));
            Assert.That(received.Conversion.Items.Single().Category, Is.EqualTo("shoes"));
            Assert.That(received.RawTarget, Is.EqualTo(ValidPath));
            Assert.That(received.ConversionId, Is.EqualTo("fake-conversion-1"));
            Assert.That(fake.TrackingRequests.Single().StatusCode, Is.EqualTo(200));
        });
    }

    [TestCase("/conversion/tracking_mode:api/campaign:10l176/conversionref:ORD-1/clickref:abc", "no item group")]
    [TestCase("/conversion/tracking_mode:api/campaign:10l176/conversionref:ORD 1/clickref:abc/[category:a/quantity:1]", "should have been percent-encoded")]
    [TestCase("/conversion/tracking_mode:api/campaign:10l176/clickref:abc/conversionref:ORD-1/[category:a/quantity:1]", "out of order")]
    [TestCase("/conversion/tracking_mode:api/campaign:10l176/conversionref:ORD-1/clickref:abc/voucher:/[category:a/quantity:1]", "empty value")]
    public async Task Tracking_UrlBreakingTheGrammar_Answers400SayingWhatIsWrong(string path, string expected)
    {
        var fake = new FakePartnerize();
        using var http = Client(fake);

        using var response = await http.GetAsync(new Uri("https://prf.hn" + path, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body, Does.StartWith("Not a valid Partnerize tracking URL: ").And.Contain(expected));
            Assert.That(fake.TrackingRequests.Single().Error, Is.EqualTo(body));
            Assert.That(fake.Conversions, Is.Empty);
        });
    }

    [Test]
    public async Task Tracking_GrammaticalButInvalidConversion_Answers400WithTheRejections()
    {
        var fake = new FakePartnerize();
        using var http = Client(fake);

        using var response = await http.GetAsync(new Uri("https://prf.hn" + ValidPath.Replace("quantity:1", "quantity:0", StringComparison.Ordinal)));

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Item quantity must be a whole number of 1 or more; got '0'."));
            Assert.That(fake.Conversions, Is.Empty);
        });
    }

    [Test]
    public async Task Api_RightKeys_AnswersAccountAndCampaign()
    {
        var fake = new FakePartnerize().AddCampaign(new FakeCampaign("10l176", "Shoes UK") { DefaultCurrency = "GBP", UniqueConversionRefs = "y" });
        using var http = Client(fake, FakePartnerize.DefaultApplicationKey, FakePartnerize.DefaultApiKey);

        using var account = await http.GetAsync(new Uri("https://api.partnerize.com/user/account"));
        using var campaign = await http.GetAsync(new Uri("https://api.partnerize.com/campaign/10l176"));
        using var missing = await http.GetAsync(new Uri("https://api.partnerize.com/campaign/nope"));

        using var campaignJson = JsonDocument.Parse(await campaign.Content.ReadAsStringAsync());
        var fields = campaignJson.RootElement.GetProperty("campaign");
        Assert.Multiple(async () =>
        {
            Assert.That(account.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(JsonDocument.Parse(await account.Content.ReadAsStringAsync()).RootElement.GetProperty("user_accounts").GetArrayLength(), Is.EqualTo(1));
            Assert.That(campaign.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(fields.GetProperty("campaign_id").GetString(), Is.EqualTo("10l176"));
            Assert.That(fields.GetProperty("title").GetString(), Is.EqualTo("Shoes UK"));
            Assert.That(fields.GetProperty("status").GetString(), Is.EqualTo("a"));
            Assert.That(fields.GetProperty("default_currency").GetString(), Is.EqualTo("GBP"));
            Assert.That(fields.GetProperty("unique_conversion_refs").GetString(), Is.EqualTo("y"));
            Assert.That(fields.TryGetProperty("test_mode", out _), Is.False, "Unset fields are left out.");
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(ErrorMessage(await missing.Content.ReadAsStringAsync()), Is.EqualTo("Campaign 'nope' was not found."));
        });
    }

    [TestCase(null, null, "No HTTP Basic credentials were sent: send the User Application Key and User API Key.")]
    [TestCase("fake-application-key", "wrong", "The User Application Key or User API Key is wrong.")]
    [TestCase("fake-api-key", "fake-application-key", "The User Application Key or User API Key is wrong.")]
    public async Task Api_MissingOrWrongKeys_Answers401WithAJsonError(string? applicationKey, string? apiKey, string message)
    {
        var fake = new FakePartnerize();
        using var http = Client(fake, applicationKey, apiKey);

        using var response = await http.GetAsync(new Uri("https://api.partnerize.com/campaign"));

        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(json.RootElement.GetProperty("error").GetProperty("message").GetString(), Is.EqualTo("Unauthorized"));
            Assert.That(json.RootElement.GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("401"));
            Assert.That(ErrorMessage(body), Is.EqualTo(message));
            Assert.That(fake.Requests.Single().Host, Is.EqualTo(FakeHost.ManagementApi));
        });
    }

    [Test]
    public async Task Api_CampaignList_PagesThroughNextPageUntilItIsNull()
    {
        var fake = new FakePartnerize { CampaignPageSize = 2 };
        for (var i = 1; i <= 5; i++)
        {
            fake.AddCampaign(new FakeCampaign($"c{i}", $"Campaign {i}"));
        }

        using var http = Client(fake, FakePartnerize.DefaultApplicationKey, FakePartnerize.DefaultApiKey);
        var baseAddress = new Uri("https://api.partnerize.com/");
        var ids = new List<string>();
        var pages = 0;
        for (var next = "/campaign"; next is not null; pages++)
        {
            using var response = await http.GetAsync(new Uri(baseAddress, next));
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.That(json.RootElement.GetProperty("count").GetInt32(), Is.EqualTo(5));
            ids.AddRange(json.RootElement.GetProperty("campaigns").EnumerateArray().Select(c => c.GetProperty("campaign").GetProperty("campaign_id").GetString()!));
            next = json.RootElement.GetProperty("hypermedia").GetProperty("pagination").GetProperty("next_page").GetString();
        }

        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.EqualTo(new[] { "c1", "c2", "c3", "c4", "c5" }));
            Assert.That(pages, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Faults_ShareWithSeed_HitsAboutThatShareAndTheSameRequestsEveryRun()
    {
        async Task<int[]> RunAsync()
        {
            var fake = new FakePartnerize { Seed = 7 }
                .AddFault(FakeFault.Status(HttpStatusCode.ServiceUnavailable).ForShare(0.2))
                .AddFault(FakeFault.Status(HttpStatusCode.TooManyRequests).ForShare(0.1));
            using var http = Client(fake);
            var statuses = new int[1000];
            for (var i = 0; i < statuses.Length; i++)
            {
                using var response = await http.GetAsync(new Uri("https://prf.hn" + ValidPath.Replace("ORD-1", $"ORD-{i}", StringComparison.Ordinal)));
                statuses[i] = (int)response.StatusCode;
            }

            return statuses;
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(first.Count(s => s == 503), Is.InRange(150, 250));
            Assert.That(first.Count(s => s == 429), Is.InRange(60, 140));
            Assert.That(first.Count(s => s == 200), Is.InRange(600, 800));
        });
    }

    [Test]
    public async Task Faults_ForConversionRefsAndFirstAttempts_HitOnlyThoseRequests()
    {
        var fake = new FakePartnerize()
            .AddFault(FakeFault.Status(HttpStatusCode.BadGateway).WithRetryAfter(TimeSpan.FromMilliseconds(1500)).ForConversionRefs("ORD-1").ForFirstAttempts(2));
        using var http = Client(fake);
        var one = new Uri("https://prf.hn" + ValidPath);
        var two = new Uri("https://prf.hn" + ValidPath.Replace("ORD-1", "ORD-2", StringComparison.Ordinal));

        using var first = await http.GetAsync(one);
        using var other = await http.GetAsync(two);
        using var second = await http.GetAsync(one);
        using var third = await http.GetAsync(one);

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(first.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(fake.TrackingRequests.Select(r => r.Attempt), Is.EqualTo(new[] { 1, 1, 2, 3 }));
            Assert.That(fake.TrackingRequests.Select(r => r.Fault is not null), Is.EqualTo(new[] { true, false, true, false }));
            Assert.That(fake.Conversions.Select(c => c.ConversionRef), Is.EqualTo(new[] { "ORD-2", "ORD-1" }));
        });
    }

    [Test]
    public void Faults_DropConnection_ThrowsHttpRequestExceptionFromTheHandler()
    {
        var fake = new FakePartnerize().AddFault(FakeFault.DropConnection());
        using var http = Client(fake);

        Assert.That(() => http.GetAsync(new Uri("https://prf.hn" + ValidPath)), Throws.TypeOf<HttpRequestException>());
        var request = fake.TrackingRequests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.ConnectionDropped, Is.True);
            Assert.That(request.StatusCode, Is.Null);
            Assert.That(fake.Conversions, Is.Empty);
        });
    }

    [Test]
    public async Task Faults_AfterRecording_RecordsTheConversionButLosesTheAnswer()
    {
        var fake = new FakePartnerize().AddFault(FakeFault.DropConnection().AfterRecording().ForFirstAttempts(1));
        using var http = Client(fake);
        var uri = new Uri("https://prf.hn" + ValidPath);

        Assert.That(() => http.GetAsync(uri), Throws.TypeOf<HttpRequestException>());
        using var retry = await http.GetAsync(uri);

        Assert.Multiple(() =>
        {
            Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(fake.Conversions.Select(c => c.ConversionRef), Is.EqualTo(new[] { "ORD-1", "ORD-1" }), "A retry after a lost answer records twice.");
        });
    }

    [Test]
    public async Task Faults_OnManagementApi_LeaveTheTrackingHostAlone()
    {
        var fake = new FakePartnerize().AddFault(FakeFault.Status(HttpStatusCode.TooManyRequests).WithRetryAfter(TimeSpan.FromSeconds(3)).OnManagementApi());
        using var http = Client(fake, FakePartnerize.DefaultApplicationKey, FakePartnerize.DefaultApiKey);

        using var api = await http.GetAsync(new Uri("https://api.partnerize.com/campaign"));
        using var tracking = await http.GetAsync(new Uri("https://prf.hn" + ValidPath));

        Assert.Multiple(async () =>
        {
            Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(api.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(3)));
            Assert.That(ErrorMessage(await api.Content.ReadAsStringAsync()), Is.EqualTo("Fake fault: 429"));
            Assert.That(tracking.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public void AddFault_SharesAddingUpToMoreThanOne_Throws()
    {
        var fake = new FakePartnerize().AddFault(FakeFault.DropConnection().ForShare(0.7));

        Assert.Multiple(() =>
        {
            Assert.That(() => fake.AddFault(FakeFault.Status(HttpStatusCode.BadGateway).ForShare(0.4)),
                Throws.ArgumentException.With.Message.Contains("add up to 1.1"));
            Assert.That(() => fake.AddFault(FakeFault.Status(HttpStatusCode.BadGateway).ForShare(0.4).OnManagementApi()), Throws.Nothing);
            Assert.That(() => FakeFault.DropConnection().ForShare(0), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public async Task WaitForRequestsAsync_CompletesWhenTheRequestsHaveArrived()
    {
        var fake = new FakePartnerize();
        using var http = Client(fake);
        var waiting = fake.WaitForRequestsAsync(2, cancellationToken: Tracking.TrackerHarness.GuardToken);

        using var first = await http.GetAsync(new Uri("https://prf.hn" + ValidPath));
        var afterOne = waiting.IsCompleted;
        using var second = await http.GetAsync(new Uri("https://prf.hn" + ValidPath));
        await waiting;

        Assert.That(afterOne, Is.False);
    }

    [Test]
    public async Task Reset_ForgetsWhatWasReceivedButKeepsFaults()
    {
        var fake = new FakePartnerize().AddFault(FakeFault.Status(HttpStatusCode.BadGateway).ForFirstAttempts(1));
        using var http = Client(fake);
        using (await http.GetAsync(new Uri("https://prf.hn" + ValidPath)))
        {
        }

        fake.Reset();
        using var again = await http.GetAsync(new Uri("https://prf.hn" + ValidPath));

        Assert.Multiple(() =>
        {
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway), "Attempt counts start over.");
            Assert.That(fake.Requests, Has.Count.EqualTo(1));
            Assert.That(fake.Faults, Has.Count.EqualTo(1));
        });
    }

    private static HttpClient Client(FakePartnerize fake, string? applicationKey = null, string? apiKey = null)
    {
        var http = new HttpClient(new FakePartnerizeHandler(fake));
        if (applicationKey is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{applicationKey}:{apiKey}")));
        }

        return http;
    }

    private static string? ErrorMessage(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("error").GetProperty("errors")[0].GetProperty("message").GetString();
    }
}
