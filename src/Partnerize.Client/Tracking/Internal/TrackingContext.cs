namespace Partnerize.Client.Tracking.Internal;

/// <summary>What one tracker call works with: the campaign, its URL builder, the HTTP client and the attempt timeout.</summary>
internal sealed record TrackingContext(string CampaignId, TrackingUrlBuilder UrlBuilder, HttpClient HttpClient, TimeSpan AttemptTimeout);
