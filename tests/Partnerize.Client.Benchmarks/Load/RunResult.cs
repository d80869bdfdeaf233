namespace Partnerize.Client.Benchmarks.Load;

/// <summary>One timed run of one side (the library or the plain loop).</summary>
/// <param name="Side"><see cref="LibrarySide"/> or <see cref="PlainSide"/>.</param>
/// <param name="Concurrency">Requests in flight at most.</param>
/// <param name="DelayMilliseconds">The sink's answer delay.</param>
/// <param name="Rows">Rows in the run.</param>
/// <param name="Sent">Rows answered 2xx.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
/// <param name="ProcessorTime">CPU time this process used during the run (all threads).</param>
public sealed record RunResult(string Side, int Concurrency, int DelayMilliseconds, int Rows, long Sent, TimeSpan Elapsed, TimeSpan ProcessorTime)
{
    /// <summary>The library side's name.</summary>
    public const string LibrarySide = "library";

    /// <summary>The plain loop's name.</summary>
    public const string PlainSide = "plain HttpClient";

    /// <summary>Rows per second.</summary>
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;

    /// <summary>Client CPU time per row, in microseconds.</summary>
    public double CpuMicrosecondsPerRow => ProcessorTime.TotalMicroseconds / Rows;
}
