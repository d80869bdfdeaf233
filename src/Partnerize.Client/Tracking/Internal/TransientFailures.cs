using System.Net;
using Partnerize.Client.Http.Internal;

namespace Partnerize.Client.Tracking.Internal;

/// <summary>
/// Which answers are worth another attempt (contract 1.7), and how long the server asks to wait. Besides these statuses,
/// a connection failure and an attempt that timed out are retried (<see cref="TrackingRetryHandler"/>).
/// </summary>
internal static class TransientFailures
{
    public static bool IsTransient(HttpStatusCode statusCode) => (int)statusCode is 408 or 429 or 500 or 502 or 503 or 504;

    /// <summary>
    /// The wait the server asks for (<c>Retry-After</c> as seconds or an HTTP date, or the <c>X-RateLimit-*</c>
    /// headers), capped; <see langword="null"/> when it asks for none.
    /// </summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider timeProvider, TimeSpan cap)
    {
        if (response is null || !RateLimitHeaders.TryGetRetryDelay(response, timeProvider.GetUtcNow(), out var delay))
        {
            return null;
        }

        return delay > cap ? cap : delay;
    }
}
