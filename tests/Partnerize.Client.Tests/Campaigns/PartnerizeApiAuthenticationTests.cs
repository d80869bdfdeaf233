using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Partnerize.Client.Campaigns;
using RichardSzalay.MockHttp;

namespace Partnerize.Client.Tests.Campaigns;

public class PartnerizeApiAuthenticationTests
{
    [Test]
    public async Task GetUserAccountsAsync_KeysConfigured_SendsExactlyBasicOfKeyAndSecretToApiHost()
    {
        using var harness = ApiHarness.Create();
        HttpRequestMessage? seen = null;
        string[]? sentAuthorization = null;
        harness.Mock.Expect(HttpMethod.Get, ApiHarness.ApiHost + "/user/account")
            .Respond(request =>
            {
                seen = request;
                sentAuthorization = request.Headers.GetValues("Authorization").ToArray();
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"user_accounts": [{"advertiser": {"advertiser_id": "1"}}]}""") };
            });

        var accounts = await harness.Api.GetUserAccountsAsync();

        harness.Mock.VerifyNoOutstandingExpectation();
        Assert.Multiple(() =>
        {
            Assert.That(accounts.UserAccounts, Has.Count.EqualTo(1));
            Assert.That(sentAuthorization, Is.EqualTo(new[] { "Basic " + ApiHarness.EncodedCredentials }));
            Assert.That(ApiHarness.EncodedCredentials, Is.EqualTo(Convert.ToBase64String("app-canary-51ad:canary-secret-9f3b"u8.ToArray())));
            Assert.That(seen!.Headers.Authorization, Is.Null, "the sent request no longer holds the credentials");
        });
    }

    [Test]
    public async Task Requests_ToTrackingHost_NeverCarryAuthorization()
    {
        using var harness = ApiHarness.Create();
        var trackingRequests = new List<HttpRequestMessage>();
        harness.Mock.When(HttpMethod.Get, ApiHarness.TrackingHost + "/*")
            .Respond(request =>
            {
                trackingRequests.Add(request);
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"campaigns": []}""") };
            });

        // Through the tracking client, and through the API client aimed at the tracking host.
        var tracking = harness.Provider.GetRequiredService<IHttpClientFactory>().CreateClient(PartnerizeHttpClientNames.Tracking);
        using var trackingResponse = await tracking.GetAsync(new Uri(ApiHarness.TrackingHost + "/conversion/tracking_mode:api/campaign:10l176"));
        await harness.Api.GetCampaignPageAsync(new Uri(ApiHarness.TrackingHost + "/campaign?offset=100"));

        Assert.Multiple(() =>
        {
            Assert.That(trackingRequests, Has.Count.EqualTo(2));
            Assert.That(trackingRequests.Select(r => r.Headers.Authorization), Is.All.Null);
            Assert.That(trackingRequests.Select(r => r.Headers.Contains("Authorization")), Is.All.False);
            Assert.That(harness.Logs.GetSnapshot().Any(r => r.Id.Name == "CredentialsWithheld" && r.Message.Contains("prf.hn", StringComparison.Ordinal)), Is.True);
        });
    }

    [Test]
    public async Task GetUserAccountsAsync_KeysRotatedInConfiguration_NextRequestUsesNewKeys()
    {
        using var harness = ApiHarness.Create();
        var headers = new List<string?>();
        harness.Mock.When(HttpMethod.Get, ApiHarness.ApiHost + "/user/account")
            .Respond(request =>
            {
                headers.Add(request.Headers.Authorization?.ToString());
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"user_accounts": []}""") };
            });
        var api = harness.Api;

        await api.GetUserAccountsAsync();
        harness.Configuration["Partnerize:ApplicationKey"] = "rotated-app";
        harness.Configuration["Partnerize:ApiKey"] = "rotated-secret";
        harness.Configuration.Reload();
        await api.GetUserAccountsAsync();

        Assert.That(headers, Is.EqualTo(new[]
        {
            "Basic " + ApiHarness.EncodedCredentials,
            "Basic " + Convert.ToBase64String("rotated-app:rotated-secret"u8.ToArray()),
        }));
    }

    [Test]
    public void GetUserAccountsAsync_KeysRemovedAfterResolution_FailsNamingTheSettingWithoutSending()
    {
        using var harness = ApiHarness.Create();
        var api = harness.Api;
        harness.Configuration["Partnerize:ApplicationKey"] = "";
        harness.Configuration["Partnerize:ApiKey"] = "";
        harness.Configuration.Reload();

        var exception = Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => api.GetUserAccountsAsync());

        Assert.That(exception!.Message, Does.Contain("Partnerize:ApplicationKey is not set").And.Contain("Partnerize:ApiKey is not set"));
    }
}
