namespace Partnerize.Client.Tracking;

/// <summary>
/// Adds up results into a <see cref="TrackingSummary"/> while you handle them yourself, so that you keep the totals
/// even when the batch ends with an exception (cancellation, a failing input).
/// </summary>
/// <example>
/// <code>
/// var totals = new TrackingSummaryBuilder();
/// try
/// {
///     await foreach (var result in tracker.TrackManyAsync(drafts, cancellationToken: cancellationToken))
///     {
///         totals.Add(result);
///     }
/// }
/// finally
/// {
///     Console.WriteLine(totals.ToSummary());
/// }
/// </code>
/// </example>
/// <remarks>Not thread-safe: add results from one thread at a time, as <c>await foreach</c> does.</remarks>
public sealed class TrackingSummaryBuilder
{
    private readonly TimeProvider _timeProvider;
    private readonly long _started;
    private long _total;
    private long _sent;
    private long _rejected;
    private long _failed;
    private long _cancelled;
    private long _attempts;

    /// <summary>Creates a builder; its clock starts now.</summary>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public TrackingSummaryBuilder(TimeProvider? timeProvider = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
        _started = _timeProvider.GetTimestamp();
    }

    /// <summary>Counts one result.</summary>
    /// <param name="result">The result.</param>
    public void Add(ConversionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _total++;
        _attempts += result.Attempts;
        switch (result.Outcome)
        {
            case ConversionOutcome.Sent:
                _sent++;
                break;
            case ConversionOutcome.Rejected:
                _rejected++;
                break;
            case ConversionOutcome.Failed:
                _failed++;
                break;
            default:
                _cancelled++;
                break;
        }
    }

    /// <summary>The totals so far, with the time elapsed since the builder was created.</summary>
    /// <returns>The summary.</returns>
    public TrackingSummary ToSummary() => new()
    {
        Total = _total,
        Sent = _sent,
        Rejected = _rejected,
        Failed = _failed,
        Cancelled = _cancelled,
        Attempts = _attempts,
        Elapsed = _timeProvider.GetElapsedTime(_started),
    };
}
