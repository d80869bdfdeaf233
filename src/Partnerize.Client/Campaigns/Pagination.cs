using System.Text.Json.Serialization;
using Partnerize.Client.Serialization.Internal;

namespace Partnerize.Client.Campaigns;

/// <summary>The <c>hypermedia.pagination</c> block of a Partnerize list response.</summary>
public sealed record Pagination
{
    /// <summary>The next page as a URI relative to the API host (e.g. <c>/campaign?offset=100&amp;limit=100</c>); absent or <see langword="null"/> on the last page.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? NextPage { get; init; }
}
