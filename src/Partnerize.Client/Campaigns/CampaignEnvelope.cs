namespace Partnerize.Client.Campaigns;

/// <summary>One entry of Partnerize's campaign list: <c>{"campaign": {...}}</c>.</summary>
public sealed record CampaignEnvelope
{
    /// <summary>The campaign; <see langword="null"/> when the entry carried none.</summary>
    public Campaign? Campaign { get; init; }
}
