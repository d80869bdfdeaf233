namespace Partnerize.Client.Tracking;

/// <summary>The totals of a batch: counts by outcome, elapsed time and throughput.</summary>
/// <remarks>Get one with <see cref="ConversionResultStreamExtensions.SummarizeAsync"/> or <see cref="TrackingSummaryBuilder"/>.</remarks>
public sealed record TrackingSummary
{
    /// <summary>How many results there were.</summary>
    public long Total { get; init; }

    /// <summary>How many conversions Partnerize received.</summary>
    public long Sent { get; init; }

    /// <summary>How many conversions were rejected before sending.</summary>
    public long Rejected { get; init; }

    /// <summary>How many conversions failed.</summary>
    public long Failed { get; init; }

    /// <summary>How many conversions were cancelled.</summary>
    public long Cancelled { get; init; }

    /// <summary>How many HTTP requests were made in all, retries included.</summary>
    public long Attempts { get; init; }

    /// <summary>The time from the first result awaited to the last result.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Results per second over <see cref="Elapsed"/>.</summary>
    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? Total / Elapsed.TotalSeconds : 0;

    /// <summary>Whether every result was <see cref="ConversionOutcome.Sent"/>.</summary>
    public bool AllSent => Sent == Total;

    /// <summary>Describes the totals in one line, e.g. for a command-line tool.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{Total:N0} conversions: {Sent:N0} sent, {Rejected:N0} rejected, {Failed:N0} failed, {Cancelled:N0} cancelled in {Elapsed.TotalSeconds:N1} s ({RowsPerSecond:N0}/s)");
}
