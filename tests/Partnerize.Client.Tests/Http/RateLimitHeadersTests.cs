using System.Globalization;
using System.Net;
using Partnerize.Client.Http.Internal;

namespace Partnerize.Client.Tests.Http;

public class RateLimitHeadersTests
{
    private static readonly DateTimeOffset Now = new(2030, 6, 1, 8, 0, 0, TimeSpan.Zero);

    [TestCase("Retry-After", "30", 30)]
    [TestCase("Retry-After", "0", 0)]
    [TestCase("X-RateLimit-Retry-After", "2.5", 2.5)]
    [TestCase("X-RateLimit-Reset", "45", 45)]
    [TestCase("X-RateLimit-Reset", "99999999999999", 86400)]
    public void TryGetRetryDelay_SecondsHeader_ReadsTheWait(string header, string value, double seconds)
    {
        using var response = Response(header, value);

        Assert.Multiple(() =>
        {
            Assert.That(RateLimitHeaders.TryGetRetryDelay(response, Now, out var delay), Is.True);
            Assert.That(delay, Is.EqualTo(TimeSpan.FromSeconds(seconds)));
        });
    }

    [Test]
    public void TryGetRetryDelay_ResetAsUnixTime_WaitsUntilThen()
    {
        using var response = Response("X-RateLimit-Reset", Now.AddSeconds(90).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));

        RateLimitHeaders.TryGetRetryDelay(response, Now, out var delay);

        Assert.That(delay, Is.EqualTo(TimeSpan.FromSeconds(90)));
    }

    [Test]
    public void TryGetRetryDelay_HttpDateInThePast_WaitsNothing()
    {
        using var response = Response("Retry-After", Now.AddMinutes(-1).ToString("r", CultureInfo.InvariantCulture));

        RateLimitHeaders.TryGetRetryDelay(response, Now, out var delay);

        Assert.That(delay, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void TryGetRetryDelay_SeveralHeaders_PrefersRetryAfter()
    {
        using var response = Response("X-RateLimit-Retry-After", "50");
        response.Headers.TryAddWithoutValidation("Retry-After", "5");

        RateLimitHeaders.TryGetRetryDelay(response, Now, out var delay);

        Assert.That(delay, Is.EqualTo(TimeSpan.FromSeconds(5)));
    }

    [TestCase("X-RateLimit-Retry-After", "soon")]
    [TestCase("X-RateLimit-Retry-After", "-4")]
    [TestCase("X-RateLimit-Reset", "NaN")]
    [TestCase("X-Other", "5")]
    public void TryGetRetryDelay_NoUsableHeader_ReturnsFalse(string header, string value)
    {
        using var response = Response(header, value);

        Assert.That(RateLimitHeaders.TryGetRetryDelay(response, Now, out _), Is.False);
    }

    private static HttpResponseMessage Response(string header, string value)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation(header, value);
        return response;
    }
}
