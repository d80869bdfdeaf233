using System.Globalization;
using System.Net;
using Partnerize.Client.Campaigns;
using RichardSzalay.MockHttp;

namespace Partnerize.Client.Tests.Campaigns;

/// <summary>Retries on a fake clock: the test sees each wait begin, advances time, and never sleeps for real.</summary>
public class ApiRetryTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static IEnumerable<TestCaseData> WaitHeaders()
    {
        yield return new TestCaseData("Retry-After", "7", TimeSpan.FromSeconds(7)).SetName("Retry-After seconds");
        yield return new TestCaseData("Retry-After", Now.AddSeconds(9).ToString("r", CultureInfo.InvariantCulture), TimeSpan.FromSeconds(9)).SetName("Retry-After HTTP date");
        yield return new TestCaseData("X-RateLimit-Retry-After", "5", TimeSpan.FromSeconds(5)).SetName("X-RateLimit-Retry-After seconds");
        yield return new TestCaseData("X-RateLimit-Reset", "4", TimeSpan.FromSeconds(4)).SetName("X-RateLimit-Reset seconds");
        yield return new TestCaseData("X-RateLimit-Reset", Now.AddSeconds(6).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), TimeSpan.FromSeconds(6)).SetName("X-RateLimit-Reset Unix time");
    }

    [TestCaseSource(nameof(WaitHeaders))]
    public async Task ListCampaignsAsync_429WithWaitHeader_WaitsExactlyThatLongThenRetries(string header, string value, TimeSpan wait)
    {
        using var harness = ApiHarness.Create(settings =>
        {
            settings["Partnerize:RetryBaseDelay"] = "00:00:01";
            settings["Partnerize:MaxRetryDelay"] = "00:00:30";
        }, fakeTime: true);
        var time = harness.Time!;
        time.SetUtcNow(Now);
        var calls = 0;
        harness.Mock.When(HttpMethod.Get, ApiHarness.ApiHost + "/campaign").Respond(_ =>
        {
            var response = Interlocked.Increment(ref calls) == 1
                ? new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("""{"error": {"message": "Too Many Requests", "type": "429"}}""") }
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(ApiHarness.PageJson(null, "10l176")) };
            if (calls == 1)
            {
                response.Headers.TryAddWithoutValidation(header, value);
            }

            return response;
        });

        var listing = harness.Campaigns.ListCampaignsAsync();
        await time.WaitForTimerAsync(wait);
        time.Advance(wait - TimeSpan.FromMilliseconds(1));
        var callsBeforeTheWaitEnded = Volatile.Read(ref calls);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var campaigns = await listing.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(callsBeforeTheWaitEnded, Is.EqualTo(1));
            Assert.That(calls, Is.EqualTo(2));
            Assert.That(campaigns.Single().CampaignId, Is.EqualTo("10l176"));
        });
    }

    [Test]
    public async Task ListCampaignsAsync_ServerAsksLongerThanMaxRetryDelay_WaitsMaxRetryDelay()
    {
        using var harness = ApiHarness.Create(settings =>
        {
            settings["Partnerize:RetryBaseDelay"] = "00:00:01";
            settings["Partnerize:MaxRetryDelay"] = "00:00:20";
        }, fakeTime: true);
        var time = harness.Time!;
        var calls = 0;
        harness.Mock.When(HttpMethod.Get, ApiHarness.ApiHost + "/campaign").Respond(_ =>
        {
            if (Interlocked.Increment(ref calls) > 1)
            {
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(ApiHarness.PageJson(null, "1")) };
            }

            var busy = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            busy.Headers.TryAddWithoutValidation("Retry-After", "3600");
            return busy;
        });

        var listing = harness.Campaigns.ListCampaignsAsync();
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(20));
        time.Advance(TimeSpan.FromSeconds(20));
        await listing.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(calls, Is.EqualTo(2));
            Assert.That(time.RequestedTimers, Does.Not.Contain(TimeSpan.FromHours(1)));
        });
    }

    [TestCase(HttpStatusCode.BadRequest)]
    [TestCase(HttpStatusCode.Unauthorized)]
    [TestCase(HttpStatusCode.Forbidden)]
    [TestCase(HttpStatusCode.NotFound)]
    public void ListCampaignsAsync_PermanentError_IsNotRetried(HttpStatusCode status)
    {
        using var harness = ApiHarness.Create();
        var request = harness.Mock.When(HttpMethod.Get, ApiHarness.ApiHost + "/campaign").Respond(status);

        Assert.ThrowsAsync<PartnerizeApiException>(() => harness.Campaigns.ListCampaignsAsync());

        Assert.That(harness.Mock.GetMatchCount(request), Is.EqualTo(1));
    }

    [Test]
    public async Task ListCampaignsAsync_EveryAttemptTimesOut_ThrowsTimeoutAfterRetrying()
    {
        using var harness = ApiHarness.Create(settings =>
        {
            settings["Partnerize:ApiTimeout"] = "00:00:05";
            settings["Partnerize:MaxRetryAttempts"] = "1";
            settings["Partnerize:RetryBaseDelay"] = "00:00:02";
            settings["Partnerize:MaxRetryDelay"] = "00:00:02";
        }, fakeTime: true);
        var time = harness.Time!;
        var hanging = harness.Mock.When(HttpMethod.Get, ApiHarness.ApiHost + "/campaign").Respond(new HangingHandler());

        var listing = harness.Campaigns.ListCampaignsAsync();
        await WaitForRequestsAsync(harness, hanging, 1);
        time.Advance(TimeSpan.FromSeconds(5));

        // The back-off has jitter, so step the clock until the retry goes out rather than guessing the exact wait.
        await AdvanceUntilAsync(time, () => harness.Mock.GetMatchCount(hanging) == 2);
        time.Advance(TimeSpan.FromSeconds(5));
        var exception = Assert.ThrowsAsync<PartnerizeApiException>(async () => await listing.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Kind, Is.EqualTo(PartnerizeApiErrorKind.Timeout));
            Assert.That(exception.Message, Does.Contain("did not answer GET /campaign in time").And.Contain("Partnerize:ApiTimeout"));
            Assert.That(harness.Mock.GetMatchCount(hanging), Is.EqualTo(2));
        });
    }

    internal static async Task AdvanceUntilAsync(RecordingTimeProvider time, Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("The awaited request never went out.");
            }

            time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(1);
        }
    }

    internal static async Task WaitForRequestsAsync(ApiHarness harness, RichardSzalay.MockHttp.IMockedRequest request, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (harness.Mock.GetMatchCount(request) < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Expected {count} requests, saw {harness.Mock.GetMatchCount(request)}.");
            }

            await Task.Delay(1);
        }
    }

    /// <summary>Never answers; gives up only when the request is cancelled (by an attempt timeout).</summary>
    internal sealed class HangingHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new System.Diagnostics.UnreachableException();
        }
    }
}
