using System.Globalization;
using System.Net;
using Partnerize.Client.Conversions;

namespace Partnerize.Client.Tracking.Internal;

/// <summary>The sentences of <see cref="ConversionResult.FailureReason"/>: what happened, in words a person understands.</summary>
internal static class FailureReasons
{
    public const string NullRow = "The input held null instead of a conversion, so there was nothing to send.";

    public const string CancelledBeforeSending = "The operation was cancelled before this conversion was sent.";

    public static string Status(HttpStatusCode statusCode, string? reasonPhrase, int attempts)
    {
        var answer = $"Partnerize answered {(int)statusCode} ({Phrase(statusCode, reasonPhrase)})";
        return TransientFailures.IsTransient(statusCode)
            ? $"{answer} and no retries were left after {Attempts(attempts)}."
            : $"{answer}, a status that is not retried: the conversion was not accepted.";
    }

    public static string ConnectionFailed(HttpRequestException exception, int attempts)
    {
        var detail = exception.InnerException is { } inner ? $"{exception.Message} {inner.Message}" : exception.Message;
        return $"The tracking host could not be reached or closed the connection ({detail.Trim()}), and no retries were left after {Attempts(attempts)}.";
    }

    public static string TimedOut(TimeSpan timeout, int attempts) =>
        string.Create(CultureInfo.InvariantCulture,
            $"The tracking host did not answer within {timeout.TotalSeconds:0.###} s (PartnerizeOptions.TrackingTimeout), and no retries were left after {Attempts(attempts)}.");

    public static string Unexpected(Exception exception, int attempts) =>
        $"Sending failed with {exception.GetType().Name} after {Attempts(attempts)}: {exception.Message}";

    public static string CancelledInFlight(int attempts, HttpStatusCode? lastStatus) =>
        (lastStatus is { } status ? $"The operation was cancelled after {Attempts(attempts)}, the last answered {(int)status}." : $"The operation was cancelled during attempt {attempts}.")
        + " If a request reached Partnerize before the cancellation, it may still have recorded the conversion.";

    public static string Rejected(IReadOnlyList<ConversionRejection> rejections) =>
        "Rejected before sending: " + string.Join("; ", rejections);

    private static string Attempts(int attempts) => attempts == 1 ? "1 attempt" : $"{attempts} attempts";

    private static string Phrase(HttpStatusCode statusCode, string? reasonPhrase) =>
        string.IsNullOrWhiteSpace(reasonPhrase) ? statusCode.ToString() : reasonPhrase;
}
