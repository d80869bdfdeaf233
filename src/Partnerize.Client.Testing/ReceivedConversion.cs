using Partnerize.Client.Conversions;

namespace Partnerize.Client.Testing;

/// <summary>A conversion the fake Partnerize received and accepted, parsed back out of its tracking URL.</summary>
public sealed record ReceivedConversion
{
    /// <summary>The campaign in the URL.</summary>
    public required string CampaignId { get; init; }

    /// <summary>The URL taken apart by <see cref="TrackingUrlParser"/>.</summary>
    public required ParsedTrackingUrl Url { get; init; }

    /// <summary>The URL's parameters as a draft.</summary>
    public required ConversionDraft Draft { get; init; }

    /// <summary>The draft validated: the conversion that was sent.</summary>
    public required Conversion Conversion { get; init; }

    /// <summary>The request target exactly as received.</summary>
    public required string RawTarget { get; init; }

    /// <summary>When it arrived, on the fake's clock.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The ID the fake answered with (the response body), e.g. <c>fake-conversion-1</c>.</summary>
    public required string ConversionId { get; init; }

    /// <summary>The conversion reference (order ID).</summary>
    public string ConversionRef => Conversion.ConversionRef;
}
