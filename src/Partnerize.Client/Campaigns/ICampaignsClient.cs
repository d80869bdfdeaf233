namespace Partnerize.Client.Campaigns;

/// <summary>
/// The campaigns of the user whose keys are configured, and a connection test. Registered by
/// <c>services.AddPartnerize(...)</c>; needs <c>Partnerize:ApplicationKey</c> and <c>Partnerize:ApiKey</c>.
/// </summary>
/// <remarks>Failures throw <see cref="PartnerizeApiException"/>, except in <see cref="TestConnectionAsync"/>, which answers with a value.</remarks>
public interface ICampaignsClient
{
    /// <summary>Lists every campaign the user can see, following Partnerize's pages to the end.</summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The campaigns, in the order Partnerize lists them.</returns>
    /// <exception cref="PartnerizeApiException">An answer was an error, the host was unreachable, timed out, or answered unexpectedly.</exception>
    Task<IReadOnlyList<Campaign>> ListCampaignsAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets one campaign.</summary>
    /// <param name="campaignId">The campaign ID, e.g. <c>10l176</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The campaign.</returns>
    /// <exception cref="ArgumentException"><paramref name="campaignId"/> is empty.</exception>
    /// <exception cref="PartnerizeApiException">The campaign does not exist for this user (404), or the call failed.</exception>
    Task<Campaign> GetCampaignAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks that the keys are accepted (<c>GET /user/account</c>) and that the campaigns load, and says what is wrong
    /// when not. Never throws for a failed check; only cancellation throws.
    /// </summary>
    /// <param name="cancellationToken">Cancels the test.</param>
    /// <returns>The outcome, with a message ready to show.</returns>
    Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken = default);
}
