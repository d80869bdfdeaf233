using System.Globalization;

namespace Partnerize.Client.Http.Internal;

/// <summary>
/// Reads how long Partnerize asks a client to wait: <c>Retry-After</c> (seconds or an HTTP date), then
/// <c>X-RateLimit-Retry-After</c> (seconds), then <c>X-RateLimit-Reset</c> (seconds to wait, or a Unix time).
/// </summary>
internal static class RateLimitHeaders
{
    public const string RetryAfterName = "Retry-After";
    public const string RateLimitRetryAfterName = "X-RateLimit-Retry-After";
    public const string RateLimitResetName = "X-RateLimit-Reset";

    // A reset value this large cannot be a wait in seconds (it would be 31 years): it is a point in time.
    private const double UnixTimeThresholdSeconds = 1_000_000_000;

    private static readonly double LatestUnixTimeSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    // Nothing longer is meaningful as a wait; clamping keeps TimeSpan arithmetic safe from absurd header values.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    public static bool TryGetRetryDelay(HttpResponseMessage response, DateTimeOffset now, out TimeSpan delay)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                delay = Clamp(delta);
                return true;
            }

            if (retryAfter.Date is { } date)
            {
                delay = Clamp(date - now);
                return true;
            }
        }

        if (TryGetSeconds(response, RateLimitRetryAfterName, out var seconds))
        {
            delay = FromSeconds(seconds);
            return true;
        }

        if (TryGetSeconds(response, RateLimitResetName, out seconds))
        {
            delay = seconds < UnixTimeThresholdSeconds ? FromSeconds(seconds)
                : seconds > LatestUnixTimeSeconds ? LongestWait
                : Clamp(DateTimeOffset.FromUnixTimeSeconds((long)seconds) - now);
            return true;
        }

        delay = default;
        return false;
    }

    private static bool TryGetSeconds(HttpResponseMessage response, string name, out double seconds)
    {
        seconds = 0;
        if (!response.Headers.TryGetValues(name, out var values))
        {
            return false;
        }

        foreach (var value in values)
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds) && double.IsFinite(seconds) && seconds >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static TimeSpan FromSeconds(double seconds) =>
        seconds >= LongestWait.TotalSeconds ? LongestWait : TimeSpan.FromSeconds(seconds);

    private static TimeSpan Clamp(TimeSpan delay) =>
        delay < TimeSpan.Zero ? TimeSpan.Zero : delay > LongestWait ? LongestWait : delay;
}
