using System.Text.Json.Serialization;
using Partnerize.Client.Serialization.Internal;

namespace Partnerize.Client.Campaigns;

/// <summary>One page of <c>GET /campaign</c>.</summary>
public sealed record CampaignListResponse
{
    /// <summary>The campaigns on this page, each wrapped as Partnerize sends it.</summary>
    public IReadOnlyList<CampaignEnvelope?> Campaigns { get; init => field = value ?? []; } = [];

    /// <summary>The count Partnerize reports, when it sends one.</summary>
    [JsonConverter(typeof(LenientInt32Converter))]
    public int? Count { get; init; }

    /// <summary>The offset of this page, when Partnerize sends one.</summary>
    [JsonConverter(typeof(LenientInt32Converter))]
    public int? Offset { get; init; }

    /// <summary>The page size, when Partnerize sends one.</summary>
    [JsonConverter(typeof(LenientInt32Converter))]
    public int? Limit { get; init; }

    /// <summary>Links to related pages; <see cref="Pagination.NextPage"/> leads to the next page.</summary>
    public Hypermedia? Hypermedia { get; init; }
}
