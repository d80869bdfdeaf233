namespace Partnerize.Client.Campaigns;

/// <summary>The answer to <c>GET /campaign/{campaign_id}</c>: <c>{"campaign": {...}}</c>.</summary>
public sealed record CampaignResponse
{
    /// <summary>The campaign; <see langword="null"/> when the answer carried none.</summary>
    public Campaign? Campaign { get; init; }
}
