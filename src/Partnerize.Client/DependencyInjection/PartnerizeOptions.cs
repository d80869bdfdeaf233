using Partnerize.Client.Tracking;

namespace Partnerize.Client;

/// <summary>
/// Settings of Partnerize.Client, bound from the <c>Partnerize</c> configuration section or set by a delegate
/// passed to <c>services.AddPartnerize(...)</c>.
/// </summary>
/// <remarks>
/// A class rather than a record on purpose: a record's generated <c>ToString</c> would print the keys.
/// <see cref="ToString"/> never shows <see cref="ApplicationKey"/> or <see cref="ApiKey"/>. The keys are read on every
/// management API request, so rotating them through <c>IOptionsMonitor</c> needs no restart.
/// </remarks>
public sealed class PartnerizeOptions
{
    /// <summary>The configuration section bound by default.</summary>
    public const string SectionName = "Partnerize";

    /// <summary>The default management API address.</summary>
    public static readonly Uri DefaultApiBaseAddress = new("https://api.partnerize.com/");

    /// <summary>The default conversion tracking host.</summary>
    public static readonly Uri DefaultTrackingBaseAddress = new("https://prf.hn/");

    /// <summary>The User Application Key (HTTP Basic user name). Needed only for the management API.</summary>
    public string? ApplicationKey { get; set; }

    /// <summary>The User API Key (HTTP Basic password). Needed only for the management API.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The management API address. HTTPS, unless a loopback address is used for tests.</summary>
    public Uri ApiBaseAddress { get; set; } = DefaultApiBaseAddress;

    /// <summary>The conversion tracking host, e.g. a brand subdomain. HTTPS, unless a loopback address is used for tests.</summary>
    public Uri TrackingBaseAddress { get; set; } = DefaultTrackingBaseAddress;

    /// <summary>The campaign conversions are tracked against when a call does not name one.</summary>
    public string? CampaignId { get; set; }

    /// <summary>How long one management API attempt may take. Default 30 seconds.</summary>
    public TimeSpan ApiTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one tracking request attempt may take. Default 30 seconds.</summary>
    public TimeSpan TrackingTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most tracking requests in flight at once. Default 16.</summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>How many times a transient failure is retried (after the first attempt). Default 3; 0 turns retries off.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The base delay of the exponential back-off between retries. Default 1 second.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts, including one asked for by <c>Retry-After</c>. Default 30 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest tracking URL accepted, in characters; longer conversions are rejected. Default 8,000.</summary>
    public int MaxUrlLength { get; set; } = TrackingUrlBuilder.DefaultMaxLength;

    /// <summary>Describes the settings without the keys.</summary>
    /// <returns>A description safe for logs.</returns>
    public override string ToString() =>
        $"PartnerizeOptions {{ ApplicationKey = {Mask(ApplicationKey)}, ApiKey = {Mask(ApiKey)}, ApiBaseAddress = {ApiBaseAddress}, " +
        $"TrackingBaseAddress = {TrackingBaseAddress}, CampaignId = {CampaignId}, MaxConcurrency = {MaxConcurrency}, " +
        $"MaxRetryAttempts = {MaxRetryAttempts}, MaxUrlLength = {MaxUrlLength} }}";

    private static string Mask(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : "(set)";
}
