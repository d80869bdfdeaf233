using Microsoft.Extensions.Logging;

namespace Partnerize.Client.Tracking.Internal;

/// <summary>
/// The tracker's log events (IDs 200-299, documented in docs/telemetry.md). Messages name rows by their input index
/// and never hold an order ID, a click reference, a URL or a response body.
/// </summary>
internal static partial class TrackingLog
{
    public const string Category = "Partnerize.Client.Tracking";

    [LoggerMessage(EventId = 200, EventName = "ConversionSent", Level = LogLevel.Debug,
        Message = "Conversion {Index} for campaign {CampaignId} was received by Partnerize: HTTP {StatusCode} after {Attempts} attempt(s) in {DurationMs} ms.")]
    public static partial void ConversionSent(this ILogger logger, long index, string campaignId, int statusCode, int attempts, double durationMs);

    [LoggerMessage(EventId = 201, EventName = "ConversionFailed", Level = LogLevel.Warning,
        Message = "Conversion {Index} for campaign {CampaignId} failed after {Attempts} attempt(s): {Reason}")]
    public static partial void ConversionFailed(this ILogger logger, long index, string campaignId, int attempts, string reason);

    [LoggerMessage(EventId = 202, EventName = "ConversionRejected", Level = LogLevel.Debug,
        Message = "Conversion {Index} for campaign {CampaignId} was rejected before sending: {RejectionCodes}.")]
    public static partial void ConversionRejected(this ILogger logger, long index, string campaignId, string rejectionCodes);

    [LoggerMessage(EventId = 203, EventName = "ConversionCancelled", Level = LogLevel.Debug,
        Message = "Conversion {Index} for campaign {CampaignId} was cancelled after {Attempts} attempt(s).")]
    public static partial void ConversionCancelled(this ILogger logger, long index, string campaignId, int attempts);

    [LoggerMessage(EventId = 204, EventName = "RetryScheduled", Level = LogLevel.Debug,
        Message = "Tracking request attempt {Attempt} got {Cause}; retrying in {DelayMs} ms.")]
    public static partial void RetryScheduled(this ILogger logger, int attempt, string cause, double delayMs);

    [LoggerMessage(EventId = 205, EventName = "BatchStarted", Level = LogLevel.Debug,
        Message = "Tracking batch for campaign {CampaignId} started with at most {MaxConcurrency} conversions in flight.")]
    public static partial void BatchStarted(this ILogger logger, string campaignId, int maxConcurrency);

    [LoggerMessage(EventId = 206, EventName = "BatchCompleted", Level = LogLevel.Debug,
        Message = "Tracking batch for campaign {CampaignId} finished: {Total} conversions, {Sent} sent, {Rejected} rejected, {Failed} failed, {Cancelled} cancelled in {ElapsedMs} ms.")]
    public static partial void BatchCompleted(this ILogger logger, string campaignId, long total, long sent, long rejected, long failed, long cancelled, double elapsedMs);

    [LoggerMessage(EventId = 207, EventName = "BatchCancelled", Level = LogLevel.Information,
        Message = "Tracking batch for campaign {CampaignId} was cancelled after reading {Read} rows: {Sent} sent, {Cancelled} cancelled.")]
    public static partial void BatchCancelled(this ILogger logger, string campaignId, long read, long sent, long cancelled);

    [LoggerMessage(EventId = 208, EventName = "BatchInputFailed", Level = LogLevel.Warning,
        Message = "Tracking batch for campaign {CampaignId} stopped after reading {Read} rows because reading the input threw {ExceptionType}; every row read has its result.")]
    public static partial void BatchInputFailed(this ILogger logger, string campaignId, long read, string exceptionType);
}
