using System.Net;
using System.Net.Sockets;
using Partnerize.Client.Campaigns;
using RichardSzalay.MockHttp;

namespace Partnerize.Client.Tests.Campaigns;

public class ConnectionTestTests
{
    private const string KeysGuidance = "Verify your User Application Key and User API Key are correct and entered in the right fields.";
    private const string AccessGuidance = "Confirm the user has access to the campaigns you want to track conversions against.";
    private const string TwoAccounts = """{"user_accounts": [{"advertiser": {"advertiser_id": "1"}}, {"publisher": {"publisher_id": "2"}}]}""";

    [Test]
    public async Task TestConnectionAsync_ValidKeysAndCampaigns_ConnectedWithCount()
    {
        using var harness = ApiHarness.Create();
        harness.Mock.Expect(HttpMethod.Get, ApiHarness.ApiHost + "/user/account").Respond("application/json", TwoAccounts);
        harness.Mock.Expect(HttpMethod.Get, ApiHarness.ApiHost + "/campaign").Respond("application/json", ApiHarness.PageJson("/campaign?offset=2", "1", "2"));
        harness.Mock.Expect(HttpMethod.Get, ApiHarness.ApiHost + "/campaign").WithExactQueryString("offset=2").Respond("application/json", ApiHarness.PageJson(null, "3"));

        var result = await harness.Campaigns.TestConnectionAsync();

        harness.Mock.VerifyNoOutstandingExpectation();
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(ConnectionTestStatus.Connected));
            Assert.That(result.Succeeded, Is.True);
            Assert.That(result.CampaignCount, Is.EqualTo(3));
            Assert.That(result.AccountCount, Is.EqualTo(2));
            Assert.That(result.ApiBaseAddress, Is.EqualTo(new Uri("https://api.partnerize.com/")));
            Assert.That(result.ToString(), Is.EqualTo("Connected to the Partnerize API at https://api.partnerize.com/: the keys are valid and 3 campaigns are available."));
            Assert.That(harness.Activities.Single(a => a.OperationName == "partnerize.connection.test").GetTagItem("partnerize.connection.status"), Is.EqualTo("Connected"));
            Assert.That(harness.Logs.GetSnapshot().Where(r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Information && r.Category!.StartsWith("Partnerize", StringComparison.Ordinal)), Is.Empty, "quiet when healthy");
        });
    }

    [Test]
    public async Task TestConnectionAsync_OneCampaign_SaysCampaignInSingular()
    {
        using var harness = ApiHarness.Create();
        harness.Mock.Expect(HttpMethod.Get, ApiHarness.ApiHost + "/user/account").Respond("application/json", TwoAccounts);
        harness.Mock.Expect(HttpMethod.Get, ApiHarness.ApiHost + "/campaign").Respond("application/json", ApiHarness.PageJson(null, "1"));

        var result = await harness.Campaigns.TestConnectionAsync();

        Assert.That(result.Message, Does.EndWith("the keys are valid and 1 campaign is available."));
    }

    [Test]
    public async Task TestConnectionAsync_401_InvalidCredentialsWithBriefGuidanceAndNoCampaignCall()
    {
        using var harness = ApiHarness.Create();
        harness.Mock.Expect(HttpMethod.Get, ApiHarness.ApiHost + "/user/account")
            .Respond(HttpStatusCode.Unauthorized, "application/json", """{"error": {"message": "Unauthorized", "code": "401"}}""");

        var result = await harness.Campaigns.TestConnectionAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(ConnectionTestStatus.InvalidCredentials));
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(result.ErrorCode, Is.EqualTo("401"));
            Assert.That(result.CampaignCount, Is.Null);
            Assert.That(result.Message, Does.StartWith("Partnerize rejected the keys (401 Unauthorized). " + KeysGuidance + " " + AccessGuidance));
            Assert.That(harness.Logs.GetSnapshot().Single(r => r.Id.Name == "ConnectionTestFailed").Level, Is.EqualTo(Microsoft.Extensions.Logging.LogLevel.Warning));
        });
    }

    [Test]
    public async Task TestConnectionAsync_403OnCampaigns_AccessDeniedWithBriefGuidance()
    {
        using var harness = ApiHarness.Create();
        harness.Mock.Expect(HttpMethod.Get, ApiHarness.ApiHost + "/user/account").Respond("application/json", TwoAccounts);
        harness.Mock.Expect(HttpMethod.Get, ApiHarness.ApiHost + "/campaign").Respond(HttpStatusCode.Forbidden);

        var result = await harness.Campaigns.TestConnectionAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(ConnectionTestStatus.AccessDenied));
            Assert.That(result.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(result.Message, Is.EqualTo("Partnerize refused this user access (403 Forbidden) to GET /campaign. " + KeysGuidance + " " + AccessGuidance));
        });
    }

    [Test]
    public async Task TestConnectionAsync_ZeroCampaigns_ToldSoAndNotSucceeded()
    {
        using var harness = ApiHarness.Create();
        harness.Mock.Expect(HttpMethod.Get, ApiHarness.ApiHost + "/user/account").Respond("application/json", TwoAccounts);
        harness.Mock.Expect(HttpMethod.Get, ApiHarness.ApiHost + "/campaign").Respond("application/json", """{"campaigns": [], "count": 0}""");

        var result = await harness.Campaigns.TestConnectionAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(ConnectionTestStatus.NoCampaigns));
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.CampaignCount, Is.Zero);
            Assert.That(result.Message, Is.EqualTo(
                "The keys are valid, but this user has no campaigns at https://api.partnerize.com/, so there is nothing to track conversions against. " + AccessGuidance));
        });
    }

    [Test]
    public async Task TestConnectionAsync_HostRefusesConnection_UnreachableNamingTheAddress()
    {
        using var harness = ApiHarness.Create(settings => settings["Partnerize:MaxRetryAttempts"] = "0");
        harness.Mock.Expect(HttpMethod.Get, ApiHarness.ApiHost + "/user/account")
            .Throw(new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known (api.partnerize.com:443)"));

        var result = await harness.Campaigns.TestConnectionAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(ConnectionTestStatus.Unreachable));
            Assert.That(result.StatusCode, Is.Null);
            Assert.That(result.Message, Is.EqualTo(
                "Could not reach the Partnerize API at https://api.partnerize.com/ (Name or service not known (api.partnerize.com:443)). " +
                "Check Partnerize:ApiBaseAddress, and that this machine can reach it (DNS, proxy, firewall)."));
        });
    }

    [Test]
    public async Task TestConnectionAsync_RealClosedPortOnLoopback_Unreachable()
    {
        var port = ClosedLoopbackPort();
        using var harness = ApiHarness.Create(
            settings =>
            {
                settings["Partnerize:ApiBaseAddress"] = $"http://127.0.0.1:{port}/";
                settings["Partnerize:MaxRetryAttempts"] = "0";
            },
            useMock: false);

        var result = await harness.Campaigns.TestConnectionAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(ConnectionTestStatus.Unreachable));
            Assert.That(result.Message, Does.StartWith($"Could not reach the Partnerize API at http://127.0.0.1:{port}/ ("));
        });
    }

    [Test]
    public async Task TestConnectionAsync_NoAnswerWithinApiTimeout_TimedOut()
    {
        using var harness = ApiHarness.Create(
            settings =>
            {
                settings["Partnerize:ApiTimeout"] = "00:00:08";
                settings["Partnerize:MaxRetryAttempts"] = "0";
            },
            fakeTime: true);
        var hanging = harness.Mock.When(HttpMethod.Get, ApiHarness.ApiHost + "/user/account").Respond(new ApiRetryTests.HangingHandler());

        var testing = harness.Campaigns.TestConnectionAsync();
        await ApiRetryTests.WaitForRequestsAsync(harness, hanging, 1);
        harness.Time!.Advance(TimeSpan.FromSeconds(8));
        var result = await testing.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(ConnectionTestStatus.TimedOut));
            Assert.That(result.Message, Does.StartWith("The Partnerize API at https://api.partnerize.com/ did not answer in time"));
        });
    }

    [TestCase(HttpStatusCode.OK, "<html>Sign in to the hotel Wi-Fi</html>", "not the JSON the API sends")]
    [TestCase(HttpStatusCode.NotFound, "Not Found", "404 Not Found to GET /user/account. Check that Partnerize:ApiBaseAddress points at the Partnerize API")]
    [TestCase(HttpStatusCode.InternalServerError, """{"error": {"message": "Internal Server Error", "code": "500"}}""", "Partnerize error 500")]
    public async Task TestConnectionAsync_UnexpectedAnswer_UnexpectedResponseWithDetails(HttpStatusCode status, string body, string detail)
    {
        using var harness = ApiHarness.Create(settings => settings["Partnerize:MaxRetryAttempts"] = "0");
        harness.Mock.Expect(HttpMethod.Get, ApiHarness.ApiHost + "/user/account").Respond(status, "text/html", body);

        var result = await harness.Campaigns.TestConnectionAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(ConnectionTestStatus.UnexpectedResponse));
            Assert.That(result.StatusCode, Is.EqualTo(status));
            Assert.That(result.Message, Does.StartWith("The Partnerize API at https://api.partnerize.com/ answered unexpectedly. ").And.Contain(detail));
        });
    }

    [Test]
    public async Task TestConnectionAsync_KeysRemovedAfterResolution_NotConfiguredNamingSettings()
    {
        using var harness = ApiHarness.Create();
        var client = harness.Campaigns;
        harness.Configuration["Partnerize:ApiKey"] = "";
        harness.Configuration["Partnerize:ApplicationKey"] = "";
        harness.Configuration.Reload();

        var result = await client.TestConnectionAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(ConnectionTestStatus.NotConfigured));
            Assert.That(result.Message, Does.Contain("Partnerize:ApplicationKey is not set").And.Contain("Partnerize:ApiKey is not set"));
        });
    }

    [Test]
    public void TestConnectionAsync_CallerCancels_ThrowsOperationCanceledRatherThanAnswering()
    {
        using var harness = ApiHarness.Create();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.That(() => harness.Campaigns.TestConnectionAsync(cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
