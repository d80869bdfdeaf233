using System.Text.Json.Serialization;
using Partnerize.Client.Serialization.Internal;

namespace Partnerize.Client.Campaigns;

/// <summary>A Partnerize campaign: what conversions are tracked against.</summary>
/// <remarks>
/// Only the fields Partnerize documents are read; others are ignored, and a field of an unexpected JSON type reads as
/// <see langword="null"/> rather than failing the list it is in.
/// </remarks>
public sealed record Campaign
{
    /// <summary>The campaign ID, e.g. <c>10l176</c>: the value to configure as <c>Partnerize:CampaignId</c>.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string CampaignId { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary>The advertiser (brand) the campaign belongs to.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? AdvertiserId { get; init; }

    /// <summary>The campaign's name.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Title { get; init; }

    /// <summary>The campaign's status; see <see cref="CampaignStatus"/>.</summary>
    public CampaignStatus Status { get; init; }

    /// <summary>The ISO 4217 currency conversions default to, e.g. <c>GBP</c>.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? DefaultCurrency { get; init; }

    /// <summary>How the campaign tracks conversions, as Partnerize names it.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? TrackingMethod { get; init; }

    /// <summary>Whether the campaign is in test mode (Partnerize's <c>y</c>/<c>n</c>); <see langword="null"/> when not sent.</summary>
    [JsonConverter(typeof(YesNoBooleanConverter))]
    public bool? TestMode { get; init; }

    /// <summary>Whether Partnerize refuses repeated conversion references for this campaign: <c>y</c>, <c>n</c> or <c>ignore</c>.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? UniqueConversionRefs { get; init; }

    /// <summary>The campaign's conversion type, as Partnerize names it.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? ConversionType { get; init; }

    /// <summary>The time zone Partnerize reports the campaign in, e.g. <c>Europe/London</c>.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? ReportingTimezone { get; init; }
}
