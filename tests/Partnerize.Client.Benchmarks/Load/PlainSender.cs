using System.Diagnostics;

namespace Partnerize.Client.Benchmarks.Load;

/// <summary>
/// The plain side of a load run: what a user writes without the library, given URLs built in advance: one
/// <see cref="HttpClient"/>, <see cref="Parallel.ForEachAsync{TSource}(IEnumerable{TSource}, ParallelOptions, Func{TSource, CancellationToken, ValueTask})"/>
/// with the same concurrency, <c>GetAsync</c>, and a check of the status. No validation, retries or telemetry.
/// </summary>
public sealed class PlainSender : IDisposable
{
    private readonly HttpClient _http = new();

    /// <summary>Sends every URL and counts the 2xx answers.</summary>
    /// <param name="urls">The URLs.</param>
    /// <param name="concurrency">Requests in flight at most.</param>
    /// <param name="delayMilliseconds">The sink's delay, for the record.</param>
    /// <returns>The run.</returns>
    public async Task<RunResult> RunAsync(IReadOnlyList<string> urls, int concurrency, int delayMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(urls);
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long sent = 0;
        await Parallel.ForEachAsync(urls, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (url, cancellationToken) =>
        {
            using var response = await _http.GetAsync(url, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref sent);
            }
        }).ConfigureAwait(false);

        clock.Stop();
        process.Refresh();
        return new RunResult(RunResult.PlainSide, concurrency, delayMilliseconds, urls.Count, sent, clock.Elapsed, process.TotalProcessorTime - cpu);
    }

    /// <summary>Disposes the client.</summary>
    public void Dispose() => _http.Dispose();
}
