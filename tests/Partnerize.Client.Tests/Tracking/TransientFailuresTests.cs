using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using Partnerize.Client.Tracking.Internal;

namespace Partnerize.Client.Tests.Tracking;

public class TransientFailuresTests
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);

    [TestCase(408, true)]
    [TestCase(429, true)]
    [TestCase(500, true)]
    [TestCase(502, true)]
    [TestCase(503, true)]
    [TestCase(504, true)]
    [TestCase(200, false)]
    [TestCase(400, false)]
    [TestCase(401, false)]
    [TestCase(404, false)]
    [TestCase(501, false)]
    public void IsTransient_StatusCode_FollowsTheContract(int status, bool transient) =>
        Assert.That(TransientFailures.IsTransient((HttpStatusCode)status), Is.EqualTo(transient));

    [Test]
    public void RetryAfter_Seconds_IsTheWaitAskedFor()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));

        Assert.That(TransientFailures.RetryAfter(response, new FakeTimeProvider(), Cap), Is.EqualTo(TimeSpan.FromSeconds(7)));
    }

    [Test]
    public void RetryAfter_HttpDate_IsMeasuredOnTheGivenClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(clock.GetUtcNow().AddSeconds(12));

        Assert.That(TransientFailures.RetryAfter(response, clock, Cap), Is.EqualTo(TimeSpan.FromSeconds(12)));
    }

    [Test]
    public void RetryAfter_LongerThanTheCap_IsCapped()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromHours(2));

        Assert.That(TransientFailures.RetryAfter(response, new FakeTimeProvider(), Cap), Is.EqualTo(Cap));
    }

    [Test]
    public void RetryAfter_RateLimitHeader_IsHonouredLikeOnTheApi()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("X-RateLimit-Retry-After", "3");

        Assert.That(TransientFailures.RetryAfter(response, new FakeTimeProvider(), Cap), Is.EqualTo(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void RetryAfter_NoHeaderOrNoResponse_LeavesTheBackOffToDecide()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.Multiple(() =>
        {
            Assert.That(TransientFailures.RetryAfter(response, new FakeTimeProvider(), Cap), Is.Null);
            Assert.That(TransientFailures.RetryAfter(null, new FakeTimeProvider(), Cap), Is.Null);
        });
    }
}
