namespace Partnerize.Client.Testing;

/// <summary>
/// A campaign the fake management API lists. The properties are written as Partnerize's snake_case JSON fields;
/// a <see langword="null"/> property is left out of the JSON.
/// </summary>
/// <param name="CampaignId">The campaign ID, e.g. <c>10l176</c> (<c>campaign_id</c>).</param>
/// <param name="Title">The campaign name (<c>title</c>).</param>
public sealed record FakeCampaign(string CampaignId, string Title)
{
    /// <summary><c>advertiser_id</c>.</summary>
    public string? AdvertiserId { get; init; }

    /// <summary><c>status</c>: <c>a</c> (approved, the default), <c>p</c>, <c>r</c> or anything else.</summary>
    public string? Status { get; init; } = "a";

    /// <summary><c>default_currency</c>, e.g. <c>GBP</c>.</summary>
    public string? DefaultCurrency { get; init; }

    /// <summary><c>tracking_method</c>.</summary>
    public string? TrackingMethod { get; init; }

    /// <summary><c>test_mode</c>: <c>y</c> or <c>n</c>.</summary>
    public string? TestMode { get; init; }

    /// <summary><c>unique_conversion_refs</c>: <c>y</c>, <c>n</c> or <c>ignore</c>.</summary>
    public string? UniqueConversionRefs { get; init; }

    /// <summary><c>conversion_type</c>.</summary>
    public string? ConversionType { get; init; }

    /// <summary><c>reporting_timezone</c>, e.g. <c>Europe/London</c>.</summary>
    public string? ReportingTimezone { get; init; }
}
