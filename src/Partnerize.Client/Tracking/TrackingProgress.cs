namespace Partnerize.Client.Tracking;

/// <summary>A snapshot of a running batch, for a progress bar.</summary>
public sealed record TrackingProgress
{
    /// <summary>How many rows have been taken from the input so far.</summary>
    public long Read { get; init; }

    /// <summary>How many results have been returned so far (in input order).</summary>
    public long Completed { get; init; }

    /// <summary>How many of the returned results are <see cref="ConversionOutcome.Sent"/>.</summary>
    public long Sent { get; init; }

    /// <summary>How many of the returned results are <see cref="ConversionOutcome.Rejected"/>.</summary>
    public long Rejected { get; init; }

    /// <summary>How many of the returned results are <see cref="ConversionOutcome.Failed"/>.</summary>
    public long Failed { get; init; }

    /// <summary>How many of the returned results are <see cref="ConversionOutcome.Cancelled"/>.</summary>
    public long Cancelled { get; init; }

    /// <summary>How many conversions are being sent right now (retries and back-off included).</summary>
    public int InFlight { get; init; }

    /// <summary>The time since the batch started.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Results returned per second so far.</summary>
    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? Completed / Elapsed.TotalSeconds : 0;
}
