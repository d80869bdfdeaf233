namespace Partnerize.Client.Diagnostics.Internal;

/// <summary>The names of the tracker's spans and of their tags (documented in docs/telemetry.md).</summary>
internal static class TrackingActivities
{
    public const string TrackConversion = "Partnerize.TrackConversion";
    public const string TrackConversions = "Partnerize.TrackConversions";

    public const string CampaignIdTag = "partnerize.campaign.id";
    public const string OutcomeTag = "partnerize.conversion.outcome";
    public const string AttemptsTag = "partnerize.attempts";
    public const string StatusCodeTag = "http.response.status_code";
    public const string MaxConcurrencyTag = "partnerize.batch.max_concurrency";
    public const string TotalTag = "partnerize.batch.total";
    public const string SentTag = "partnerize.batch.sent";
    public const string RejectedTag = "partnerize.batch.rejected";
    public const string FailedTag = "partnerize.batch.failed";
    public const string CancelledTag = "partnerize.batch.cancelled";
}
