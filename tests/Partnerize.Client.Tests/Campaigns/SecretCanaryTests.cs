using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Partnerize.Client.Campaigns;
using Partnerize.Client.Serialization;
using RichardSzalay.MockHttp;

namespace Partnerize.Client.Tests.Campaigns;

/// <summary>
/// The keys are fake canaries: neither they nor the encoded Basic credentials may appear in any log record (every level,
/// HTTP client logs included), exception text, result, <c>ToString()</c> or span, on success and on every failure path.
/// </summary>
public class SecretCanaryTests
{
    private static readonly string[] Secrets = [ApiHarness.ApiKey, ApiHarness.ApplicationKey, ApiHarness.EncodedCredentials];

    private static IEnumerable<TestCaseData> Scenarios()
    {
        yield return Scenario("success", mock =>
        {
            mock.When(HttpMethod.Get, ApiHarness.ApiHost + "/user/account").Respond("application/json", """{"user_accounts": [{}]}""");
            mock.When(HttpMethod.Get, ApiHarness.ApiHost + "/campaign").WithExactQueryString("offset=1").Respond("application/json", ApiHarness.PageJson(null, "2"));
            mock.When(HttpMethod.Get, ApiHarness.ApiHost + "/campaign").Respond("application/json", ApiHarness.PageJson("/campaign?offset=1", "1"));
            mock.When(HttpMethod.Get, ApiHarness.ApiHost + "/campaign/1").Respond("application/json", ApiHarness.CampaignJson("1"));
        });
        foreach (var status in new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError })
        {
            yield return Scenario(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), mock =>
                mock.When(HttpMethod.Get, ApiHarness.ApiHost + "/*").Respond(status, "application/json", """{"error": {"message": "No", "code": "1", "errors": [{"message": "Nope"}]}}"""));
        }

        yield return Scenario("non-JSON error", mock => mock.When(HttpMethod.Get, ApiHarness.ApiHost + "/*").Respond(HttpStatusCode.BadGateway, "text/html", "<html>bad gateway</html>"));
        yield return Scenario("success that is not JSON", mock => mock.When(HttpMethod.Get, ApiHarness.ApiHost + "/*").Respond("text/html", "<html>portal</html>"));
        yield return Scenario("connection refused", mock => mock.When(HttpMethod.Get, ApiHarness.ApiHost + "/*").Throw(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused")));
        yield return Scenario("next page on another host", mock =>
        {
            mock.When(HttpMethod.Get, ApiHarness.ApiHost + "/user/account").Respond("application/json", """{"user_accounts": []}""");
            mock.When(HttpMethod.Get, ApiHarness.ApiHost + "/campaign").Respond("application/json", ApiHarness.PageJson("https://elsewhere.example/campaign", "1"));
            mock.When(HttpMethod.Get, ApiHarness.ApiHost + "/campaign/1").Respond("application/json", ApiHarness.CampaignJson("1"));
        });
    }

    [TestCaseSource(nameof(Scenarios))]
    public async Task EveryOperation_Scenario_SecretsAppearNowhere(Action<MockHttpMessageHandler> arrange)
    {
        using var harness = ApiHarness.Create();
        arrange(harness.Mock);
        var texts = new List<string>();

        texts.AddRange(await Outcome(() => harness.Campaigns.ListCampaignsAsync()));
        texts.AddRange(await Outcome(() => harness.Campaigns.GetCampaignAsync("1")));
        texts.AddRange(await Outcome(() => harness.Api.GetUserAccountsAsync()));
        var result = await harness.Campaigns.TestConnectionAsync();
        texts.Add(result.ToString());
        texts.Add(JsonSerializer.Serialize(result, PartnerizeJsonContext.Default.ConnectionTestResult));
        texts.AddRange(harness.TelemetryTexts());

        AssertNoSecret(texts);
        Assert.Multiple(() =>
        {
            // Proof the net was wide: the HTTP client's Trace logs of request headers and the spans were collected.
            Assert.That(texts, Has.Some.StartsWith("Request Headers:"));
            Assert.That(harness.Activities.Select(a => a.OperationName), Does.Contain("partnerize.connection.test"));
        });
    }

    [Test]
    public async Task Timeout_SecretsAppearNowhere()
    {
        using var harness = ApiHarness.Create(settings => settings["Partnerize:MaxRetryAttempts"] = "0", fakeTime: true);
        var hanging = harness.Mock.When(HttpMethod.Get, ApiHarness.ApiHost + "/*").Respond(new ApiRetryTests.HangingHandler());

        var listing = Outcome(() => harness.Campaigns.ListCampaignsAsync());
        await ApiRetryTests.WaitForRequestsAsync(harness, hanging, 1);
        harness.Time!.Advance(new PartnerizeOptions().ApiTimeout);
        var texts = (await listing.WaitAsync(TimeSpan.FromSeconds(10))).ToList();
        texts.AddRange(harness.TelemetryTexts());

        Assert.That(texts, Has.Some.Contains("did not answer GET /campaign in time"));
        AssertNoSecret(texts);
    }

    [Test]
    public void MissingOrMalformedKeys_SecretsAppearNowhere()
    {
        var texts = new List<string>();
        var options = new PartnerizeOptions { ApplicationKey = ApiHarness.ApplicationKey, ApiKey = ApiHarness.ApiKey };
        texts.Add(options.ToString());

        // A key with a colon, white space or a line break is rejected without repeating it.
        using (var harness = ApiHarness.Create(settings => settings["Partnerize:ApplicationKey"] = ApiHarness.ApplicationKey + ":" + ApiHarness.ApiKey + "\n"))
        {
            texts.Add(Assert.Throws<OptionsValidationException>(() => _ = harness.Campaigns)!.ToString());
        }

        using (var harness = ApiHarness.Create(settings => settings["Partnerize:ApiKey"] = null))
        {
            texts.Add(Assert.Throws<OptionsValidationException>(() => _ = harness.Api)!.ToString());
            texts.AddRange(harness.TelemetryTexts());
        }

        using (var harness = ApiHarness.Create(settings => settings["Partnerize:ApiBaseAddress"] = $"https://{ApiHarness.ApplicationKey}:{ApiHarness.ApiKey}@api.partnerize.com/"))
        {
            texts.Add(Assert.Throws<OptionsValidationException>(() => harness.Provider.GetRequiredService<IOptions<PartnerizeOptions>>().Value.ToString())!.ToString());
        }

        Assert.That(texts, Has.Some.Contains("(value hidden)"));
        AssertNoSecret(texts);
    }

    private static TestCaseData Scenario(string name, Action<MockHttpMessageHandler> arrange) => new TestCaseData(arrange).SetArgDisplayNames(name);

    private static async Task<IEnumerable<string>> Outcome<T>(Func<Task<T>> operation)
    {
        try
        {
            var value = await operation();
            return [value?.ToString() ?? string.Empty];
        }
        catch (Exception exception)
        {
            var texts = new List<string> { exception.ToString() };
            if (exception is PartnerizeApiException api)
            {
                texts.Add(api.ResponseBody ?? string.Empty);
                texts.Add(api.ErrorMessage ?? string.Empty);
            }

            foreach (System.Collections.DictionaryEntry entry in exception.Data)
            {
                texts.Add($"{entry.Key}={entry.Value}");
            }

            return texts;
        }
    }

    private static void AssertNoSecret(List<string> texts)
    {
        Assert.That(texts, Is.Not.Empty);
        foreach (var secret in Secrets)
        {
            Assert.That(texts.Where(text => text.Contains(secret, StringComparison.Ordinal)), Is.Empty, $"a secret leaked: {secret}");
        }
    }
}
