namespace Partnerize.Client.Tracking;

/// <summary>Settings of one <see cref="IConversionTracker.TrackManyAsync(IAsyncEnumerable{Conversions.ConversionDraft}, TrackingBatchOptions?, CancellationToken)"/> call.</summary>
public sealed class TrackingBatchOptions
{
    /// <summary>The default <see cref="ProgressInterval"/>: a quarter of a second.</summary>
    public static readonly TimeSpan DefaultProgressInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>The campaign to track against; <see langword="null"/> uses <see cref="PartnerizeOptions.CampaignId"/>.</summary>
    public string? CampaignId { get; init; }

    /// <summary>The most requests in flight at once for this batch; <see langword="null"/> uses <see cref="PartnerizeOptions.MaxConcurrency"/>.</summary>
    public int? MaxConcurrency { get; init; }

    /// <summary>Receives a <see cref="TrackingProgress"/> snapshot at most once per <see cref="ProgressInterval"/>, and once when the batch ends.</summary>
    public IProgress<TrackingProgress>? Progress { get; init; }

    /// <summary>The shortest time between two progress reports; <see cref="TimeSpan.Zero"/> reports after every result.</summary>
    public TimeSpan ProgressInterval { get; init; } = DefaultProgressInterval;
}
