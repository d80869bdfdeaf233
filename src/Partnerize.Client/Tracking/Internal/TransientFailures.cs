using System.Net;
using Polly;
using Polly.Timeout;

namespace Partnerize.Client.Tracking.Internal;

/// <summary>Which answers are worth another attempt (contract 1.7), and how long <c>Retry-After</c> asks to wait.</summary>
internal static class TransientFailures
{
    public static bool IsTransient(HttpStatusCode statusCode) => (int)statusCode is 408 or 429 or 500 or 502 or 503 or 504;

    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        null => outcome.Result is { } response && IsTransient(response.StatusCode),
        HttpRequestException or TimeoutRejectedException => true,
        _ => false,
    };

    /// <summary>The wait asked for by <c>Retry-After</c> (seconds or an HTTP date), capped; <see langword="null"/> when there is none.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider timeProvider, TimeSpan cap)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - timeProvider.GetUtcNow() : null);
        if (wait is not { } delay)
        {
            return null;
        }

        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }

        return delay > cap ? cap : delay;
    }
}
