using Partnerize.Client.Conversions;

namespace Partnerize.Client.Tracking;

/// <summary>
/// Sends conversions to Partnerize's tracking host, one request per conversion, and says what happened to each.
/// Registered by <c>services.AddPartnerize(...)</c>.
/// </summary>
/// <remarks>
/// <para>Drafts are validated first: a rejected conversion is never sent and comes back
/// <see cref="ConversionOutcome.Rejected"/> with its rejections. Transient failures (408, 429, 500, 502, 503, 504,
/// connection failures, timeouts) are retried with exponential back-off and jitter, honouring <c>Retry-After</c>;
/// a 2xx answer is never retried and any other status is not retried.</para>
/// <para>Per-row outcomes are values, never exceptions. Methods throw only for programming or configuration errors:
/// a <see langword="null"/> argument, or no campaign ID (<see cref="InvalidOperationException"/>).</para>
/// <para>The campaign comes from the call, else from <see cref="PartnerizeOptions.CampaignId"/>
/// (configuration key <c>Partnerize:CampaignId</c>).</para>
/// </remarks>
public interface IConversionTracker
{
    /// <summary>Validates and sends one conversion.</summary>
    /// <param name="draft">The conversion as mapped.</param>
    /// <param name="campaignId">The campaign; <see langword="null"/> uses <see cref="PartnerizeOptions.CampaignId"/>.</param>
    /// <param name="cancellationToken">Cancels the send; the result is then <see cref="ConversionOutcome.Cancelled"/> unless Partnerize already answered 2xx.</param>
    /// <returns>What happened to the conversion.</returns>
    /// <exception cref="InvalidOperationException">No campaign ID is given or configured.</exception>
    Task<ConversionResult> TrackAsync(ConversionDraft draft, string? campaignId = null, CancellationToken cancellationToken = default);

    /// <summary>Sends one validated conversion.</summary>
    /// <param name="conversion">The conversion.</param>
    /// <param name="campaignId">The campaign; <see langword="null"/> uses <see cref="PartnerizeOptions.CampaignId"/>.</param>
    /// <param name="cancellationToken">Cancels the send; the result is then <see cref="ConversionOutcome.Cancelled"/> unless Partnerize already answered 2xx.</param>
    /// <returns>What happened to the conversion.</returns>
    /// <exception cref="InvalidOperationException">No campaign ID is given or configured.</exception>
    Task<ConversionResult> TrackAsync(Conversion conversion, string? campaignId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Validates and sends many conversions concurrently, streaming one result per input row back in input order.
    /// </summary>
    /// <param name="drafts">The conversions as mapped; read once, lazily, never held in memory as a whole.</param>
    /// <param name="options">The campaign, concurrency and progress of this batch; <see langword="null"/> for the configured defaults.</param>
    /// <param name="cancellationToken">
    /// Stops the batch: no new row is read or sent, requests in flight are cancelled, every row already read still gets
    /// its result (<see cref="ConversionOutcome.Cancelled"/> unless it had finished), and then the enumeration throws
    /// <see cref="OperationCanceledException"/>.
    /// </param>
    /// <returns>One result per row, in input order, each carrying its <see cref="ConversionResult.Index"/>.</returns>
    /// <exception cref="InvalidOperationException">No campaign ID is given or configured.</exception>
    IAsyncEnumerable<ConversionResult> TrackManyAsync(IAsyncEnumerable<ConversionDraft> drafts, TrackingBatchOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Validates and sends many conversions concurrently, streaming one result per input row back in input order.</summary>
    /// <param name="drafts">The conversions as mapped; enumerated once, lazily, on a background thread.</param>
    /// <param name="options">The campaign, concurrency and progress of this batch; <see langword="null"/> for the configured defaults.</param>
    /// <param name="cancellationToken">Stops the batch; see <see cref="TrackManyAsync(IAsyncEnumerable{ConversionDraft}, TrackingBatchOptions?, CancellationToken)"/>.</param>
    /// <returns>One result per row, in input order, each carrying its <see cref="ConversionResult.Index"/>.</returns>
    /// <exception cref="InvalidOperationException">No campaign ID is given or configured.</exception>
    IAsyncEnumerable<ConversionResult> TrackManyAsync(IEnumerable<ConversionDraft> drafts, TrackingBatchOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Sends many validated conversions concurrently, streaming one result per input row back in input order.</summary>
    /// <param name="conversions">The conversions; read once, lazily.</param>
    /// <param name="options">The campaign, concurrency and progress of this batch; <see langword="null"/> for the configured defaults.</param>
    /// <param name="cancellationToken">Stops the batch; see <see cref="TrackManyAsync(IAsyncEnumerable{ConversionDraft}, TrackingBatchOptions?, CancellationToken)"/>.</param>
    /// <returns>One result per row, in input order, each carrying its <see cref="ConversionResult.Index"/>.</returns>
    /// <exception cref="InvalidOperationException">No campaign ID is given or configured.</exception>
    IAsyncEnumerable<ConversionResult> TrackManyAsync(IAsyncEnumerable<Conversion> conversions, TrackingBatchOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Sends many validated conversions concurrently, streaming one result per input row back in input order.</summary>
    /// <param name="conversions">The conversions; enumerated once, lazily, on a background thread.</param>
    /// <param name="options">The campaign, concurrency and progress of this batch; <see langword="null"/> for the configured defaults.</param>
    /// <param name="cancellationToken">Stops the batch; see <see cref="TrackManyAsync(IAsyncEnumerable{ConversionDraft}, TrackingBatchOptions?, CancellationToken)"/>.</param>
    /// <returns>One result per row, in input order, each carrying its <see cref="ConversionResult.Index"/>.</returns>
    /// <exception cref="InvalidOperationException">No campaign ID is given or configured.</exception>
    IAsyncEnumerable<ConversionResult> TrackManyAsync(IEnumerable<Conversion> conversions, TrackingBatchOptions? options = null, CancellationToken cancellationToken = default);
}
