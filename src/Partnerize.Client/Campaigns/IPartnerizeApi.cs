using Refit;

namespace Partnerize.Client.Campaigns;

/// <summary>
/// The typed Partnerize management API (<c>https://api.partnerize.com/</c>), registered by <c>services.AddPartnerize(...)</c>
/// on the <c>Partnerize.Api</c> HTTP client: HTTP Basic authentication with the configured keys, retries of 429 and 5xx
/// answers, and per-attempt timeouts are already in place.
/// </summary>
/// <remarks>
/// <para>Every failure surfaces as a <see cref="PartnerizeApiException"/> (never a Refit exception, which would hold the
/// request and its <c>Authorization</c> header); cancelling the token surfaces as an <see cref="OperationCanceledException"/>.
/// A success answer with an empty body yields <see langword="null"/>.</para>
/// <para>Most code wants <see cref="ICampaignsClient"/>, which follows pages and validates answers.</para>
/// </remarks>
public interface IPartnerizeApi
{
    /// <summary>The accounts of the user the keys belong to: <c>GET /user/account</c>. Answers 401 when the keys are wrong.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The user's accounts.</returns>
    [Get("/user/account")]
    Task<UserAccountsResponse> GetUserAccountsAsync(CancellationToken cancellationToken = default);

    /// <summary>The first page of the campaigns the user can see: <c>GET /campaign</c>.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The first page; follow <see cref="Pagination.NextPage"/> with <see cref="GetCampaignPageAsync"/>.</returns>
    [Get("/campaign")]
    Task<CampaignListResponse> ListCampaignsAsync(CancellationToken cancellationToken = default);

    /// <summary>A further page of campaigns, at the absolute address made from a <see cref="Pagination.NextPage"/> link.</summary>
    /// <param name="pageUri">The absolute page address on the API host (resolve the relative link against the API base address first).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page.</returns>
    [Get("")]
    Task<CampaignListResponse> GetCampaignPageAsync([Url] Uri pageUri, CancellationToken cancellationToken = default);

    /// <summary>One campaign: <c>GET /campaign/{campaign_id}</c>.</summary>
    /// <param name="campaignId">The campaign ID, e.g. <c>10l176</c>; it is escaped into the path.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The campaign.</returns>
    [Get("/campaign/{campaignId}")]
    Task<CampaignResponse> GetCampaignAsync(string campaignId, CancellationToken cancellationToken = default);
}
