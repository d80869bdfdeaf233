namespace Partnerize.Client.Campaigns;

/// <summary>The <c>hypermedia</c> block of a Partnerize list response.</summary>
public sealed record Hypermedia
{
    /// <summary>Paging links; <see langword="null"/> when the list fits on one page.</summary>
    public Pagination? Pagination { get; init; }
}
