namespace Partnerize.Client.Tracking;

/// <summary>Helpers for the results streamed back by <see cref="IConversionTracker"/>.</summary>
public static class ConversionResultStreamExtensions
{
    /// <summary>Reads every result and returns the totals, optionally handing each result to <paramref name="onResult"/> first.</summary>
    /// <param name="results">The results of <c>TrackManyAsync</c>.</param>
    /// <param name="onResult">Called for each result, in order (e.g. to write failures to a file); may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops reading; the batch then returns a result for every row already read and throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The totals of the batch.</returns>
    /// <example>
    /// <code>
    /// TrackingSummary summary = await tracker.TrackManyAsync(drafts).SummarizeAsync();
    /// Console.WriteLine(summary); // 1,000 conversions: 998 sent, 2 rejected, 0 failed, 0 cancelled in 3.2 s (312/s)
    /// </code>
    /// </example>
    public static async Task<TrackingSummary> SummarizeAsync(
        this IAsyncEnumerable<ConversionResult> results,
        Action<ConversionResult>? onResult = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        var summary = new TrackingSummaryBuilder();
        await foreach (var result in results.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            onResult?.Invoke(result);
            summary.Add(result);
        }

        return summary.ToSummary();
    }
}
