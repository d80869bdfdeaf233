using System.Net;
using System.Text;
using Partnerize.Client.Campaigns;
using RichardSzalay.MockHttp;

namespace Partnerize.Client.Tests.Campaigns;

public class PartnerizeApiErrorTests
{
    private const string UnauthorizedBody =
        """{"error": {"message": "Unauthorized", "code": "401", "errors": [{"message": "Invalid user API key", "type": "unauthorised", "code": "1"}]}}""";

    [Test]
    public void ListCampaignsAsync_401_ThrowsWithStatusPartnerizeErrorBodyAndKeyGuidance()
    {
        using var harness = ApiHarness.Create();
        var unauthorized = harness.Mock.When(HttpMethod.Get, ApiHarness.ApiHost + "/campaign").Respond(HttpStatusCode.Unauthorized, "application/json", UnauthorizedBody);

        var exception = Assert.ThrowsAsync<PartnerizeApiException>(() => harness.Campaigns.ListCampaignsAsync());

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Kind, Is.EqualTo(PartnerizeApiErrorKind.ErrorResponse));
            Assert.That(exception.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(exception.Endpoint, Is.EqualTo("GET /campaign"));
            Assert.That(exception.ErrorCode, Is.EqualTo("401"));
            Assert.That(exception.ErrorMessage, Is.EqualTo("Unauthorized: Invalid user API key"));
            Assert.That(exception.ResponseBody, Is.EqualTo(UnauthorizedBody));
            Assert.That(exception.IsResponseBodyTruncated, Is.False);
            Assert.That(exception.Message, Does.StartWith("The Partnerize API answered 401 Unauthorized to GET /campaign (Partnerize error 401: Unauthorized: Invalid user API key)."));
            Assert.That(exception.Message, Does.Contain("Verify your User Application Key and User API Key are correct and entered in the right fields."));
            Assert.That(exception.Message, Does.Contain("Confirm the user has access to the campaigns you want to track conversions against."));
            Assert.That(harness.Mock.GetMatchCount(unauthorized), Is.EqualTo(1), "a 401 is not retried");
        });
    }

    [Test]
    public void GetCampaignAsync_403_ThrowsWithAccessGuidanceFirst()
    {
        using var harness = ApiHarness.Create();
        harness.Mock.Expect(HttpMethod.Get, ApiHarness.ApiHost + "/campaign/10l176")
            .Respond(HttpStatusCode.Forbidden, "application/json", """{"error": {"message": "Forbidden", "code": "403"}}""");

        var exception = Assert.ThrowsAsync<PartnerizeApiException>(() => harness.Campaigns.GetCampaignAsync("10l176"));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(exception.ErrorCode, Is.EqualTo("403"));
            Assert.That(exception.Endpoint, Is.EqualTo("GET /campaign/10l176"));
            Assert.That(exception.Message, Does.Contain("(Partnerize error 403: Forbidden). Confirm the user has access to the campaigns you want to track conversions against. Verify your User Application Key"));
        });
    }

    [Test]
    public void GetCampaignAsync_404_ThrowsNotFoundWithCampaignAdvice()
    {
        using var harness = ApiHarness.Create();
        harness.Mock.Expect(HttpMethod.Get, ApiHarness.ApiHost + "/campaign/nope")
            .Respond(HttpStatusCode.NotFound, "application/json", """{"error": {"message": "Campaign not found", "code": 404}}""");

        var exception = Assert.ThrowsAsync<PartnerizeApiException>(() => harness.Campaigns.GetCampaignAsync("nope"));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(exception.ErrorCode, Is.EqualTo("404"));
            Assert.That(exception.ErrorMessage, Is.EqualTo("Campaign not found"));
            Assert.That(exception.Message, Does.EndWith("(Partnerize error 404: Campaign not found). Check the campaign ID, and that this user has access to it. " +
                "Check that Partnerize:ApiBaseAddress points at the Partnerize API (default https://api.partnerize.com/)."));
        });
    }

    [Test]
    public void ListCampaignsAsync_429UntilRetriesRunOut_ThrowsWithOlderErrorShapeAndRetryAfter()
    {
        using var harness = ApiHarness.Create();
        var rateLimited = harness.Mock.When(HttpMethod.Get, ApiHarness.ApiHost + "/campaign")
            .Respond(HttpStatusCode.TooManyRequests, [new KeyValuePair<string, string>("X-RateLimit-Retry-After", "12")], "application/json",
                """{"error": {"message": "Too Many Requests", "type": "429"}}""");

        var exception = Assert.ThrowsAsync<PartnerizeApiException>(() => harness.Campaigns.ListCampaignsAsync());

        Assert.Multiple(() =>
        {
            Assert.That(harness.Mock.GetMatchCount(rateLimited), Is.EqualTo(3), "first attempt and MaxRetryAttempts = 2 retries");
            Assert.That(exception!.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(exception.ErrorCode, Is.EqualTo("429"));
            Assert.That(exception.ErrorMessage, Is.EqualTo("Too Many Requests"));
            Assert.That(exception.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(12)));
            Assert.That(exception.Message, Does.Contain("wait 12 seconds and try again"));
        });
    }

    [Test]
    public void ListCampaignsAsync_500UntilRetriesRunOut_ThrowsServerError()
    {
        using var harness = ApiHarness.Create();
        var failing = harness.Mock.When(HttpMethod.Get, ApiHarness.ApiHost + "/campaign")
            .Respond(HttpStatusCode.InternalServerError, "application/json", """{"error": {"message": "Internal Server Error", "code": "500"}}""");

        var exception = Assert.ThrowsAsync<PartnerizeApiException>(() => harness.Campaigns.ListCampaignsAsync());

        Assert.Multiple(() =>
        {
            Assert.That(harness.Mock.GetMatchCount(failing), Is.EqualTo(3));
            Assert.That(exception!.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(exception.Message, Does.Contain("try again later"));
            Assert.That(harness.Logs.GetSnapshot().Count(r => r.Id.Name == "RetryingRequest"), Is.EqualTo(2));
            Assert.That(harness.Logs.GetSnapshot().Single(r => r.Id.Name == "ApiOperationFailed").Level, Is.EqualTo(Microsoft.Extensions.Logging.LogLevel.Warning));
        });
    }

    [Test]
    public void ListCampaignsAsync_NonJsonErrorBody_KeepsBodyAndLeavesPartnerizeFieldsEmpty()
    {
        using var harness = ApiHarness.Create();
        const string html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        harness.Mock.When(HttpMethod.Get, ApiHarness.ApiHost + "/campaign").Respond(HttpStatusCode.BadGateway, "text/html", html);

        var exception = Assert.ThrowsAsync<PartnerizeApiException>(() => harness.Campaigns.ListCampaignsAsync());

        Assert.Multiple(() =>
        {
            Assert.That(exception!.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(exception.ErrorCode, Is.Null);
            Assert.That(exception.ErrorMessage, Is.Null);
            Assert.That(exception.ResponseBody, Is.EqualTo(html));
            Assert.That(exception.Message, Does.StartWith("The Partnerize API answered 502 Bad Gateway to GET /campaign. "));
        });
    }

    [Test]
    public void ListCampaignsAsync_HugeErrorBody_KeepsFirst4KiloBytesOnWholeCharacters()
    {
        using var harness = ApiHarness.Create();

        // 4095 ASCII bytes, then a 2-byte character straddling the 4096-byte limit.
        var body = new string('x', 4095) + "é" + new string('y', 10_000);
        harness.Mock.When(HttpMethod.Get, ApiHarness.ApiHost + "/campaign").Respond(HttpStatusCode.BadRequest, "text/plain", body);

        var exception = Assert.ThrowsAsync<PartnerizeApiException>(() => harness.Campaigns.ListCampaignsAsync());

        Assert.Multiple(() =>
        {
            Assert.That(exception!.IsResponseBodyTruncated, Is.True);
            Assert.That(exception.ResponseBody, Is.EqualTo(new string('x', 4095)));
            Assert.That(Encoding.UTF8.GetByteCount(exception.ResponseBody!), Is.LessThanOrEqualTo(PartnerizeApiException.MaxResponseBodyBytes));
        });
    }

    [Test]
    public void ListCampaignsAsync_SuccessWithHtmlBody_ThrowsInvalidResponse()
    {
        using var harness = ApiHarness.Create();
        harness.Mock.When(HttpMethod.Get, ApiHarness.ApiHost + "/campaign").Respond(HttpStatusCode.OK, "text/html", "<html>captive portal</html>");

        var exception = Assert.ThrowsAsync<PartnerizeApiException>(() => harness.Campaigns.ListCampaignsAsync());

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Kind, Is.EqualTo(PartnerizeApiErrorKind.InvalidResponse));
            Assert.That(exception.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(exception.ResponseBody, Is.EqualTo("<html>captive portal</html>"));
            Assert.That(exception.Message, Does.Contain("not the JSON the API sends").And.Contain("Partnerize:ApiBaseAddress"));
        });
    }

    [Test]
    public void ListCampaignsAsync_SuccessWithEmptyBody_ThrowsInvalidResponse()
    {
        using var harness = ApiHarness.Create();
        harness.Mock.When(HttpMethod.Get, ApiHarness.ApiHost + "/campaign").Respond(HttpStatusCode.OK, "application/json", "");

        var exception = Assert.ThrowsAsync<PartnerizeApiException>(() => harness.Campaigns.ListCampaignsAsync());

        Assert.That(exception!.Message, Does.Contain("GET /campaign unexpectedly: the body is empty"));
    }

    [Test]
    public void ListCampaignsAsync_ConnectionRefused_ThrowsConnectionFailedAfterRetries()
    {
        using var harness = ApiHarness.Create();
        var refused = harness.Mock.When(HttpMethod.Get, ApiHarness.ApiHost + "/campaign")
            .Throw(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (api.partnerize.com:443)"));

        var exception = Assert.ThrowsAsync<PartnerizeApiException>(() => harness.Campaigns.ListCampaignsAsync());

        Assert.Multiple(() =>
        {
            Assert.That(harness.Mock.GetMatchCount(refused), Is.EqualTo(3));
            Assert.That(exception!.Kind, Is.EqualTo(PartnerizeApiErrorKind.ConnectionFailed));
            Assert.That(exception.StatusCode, Is.Null);
            Assert.That(exception.InnerException, Is.TypeOf<HttpRequestException>());
            Assert.That(exception.Message, Does.StartWith("Could not reach the Partnerize API at https://api.partnerize.com for GET /campaign (Connection refused"));
        });
    }

    [Test]
    public void IPartnerizeApi_ErrorAnswer_ThrowsLibraryExceptionNotRefitException()
    {
        using var harness = ApiHarness.Create();
        harness.Mock.When(HttpMethod.Get, ApiHarness.ApiHost + "/user/account").Respond(HttpStatusCode.Unauthorized, "application/json", UnauthorizedBody);

        var exception = Assert.CatchAsync(() => harness.Api.GetUserAccountsAsync());

        Assert.Multiple(() =>
        {
            Assert.That(exception, Is.TypeOf<PartnerizeApiException>());
            Assert.That(exception!.InnerException, Is.Null);
            Assert.That(exception.ToString(), Does.Not.Contain("Refit.ApiException").And.Not.Contain("Authorization"));
        });
    }
}
