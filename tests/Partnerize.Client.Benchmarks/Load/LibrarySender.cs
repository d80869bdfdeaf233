using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Partnerize.Client.Benchmarks.Samples;
using Partnerize.Client.Conversions;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Benchmarks.Load;

/// <summary>
/// The library side of a load run: drafts through <see cref="IConversionTracker.TrackManyAsync(IEnumerable{ConversionDraft}, TrackingBatchOptions?, CancellationToken)"/>,
/// wired by <c>AddPartnerize</c> with its defaults (validation, URL building, retries, telemetry), pointed at the sink.
/// </summary>
public sealed class LibrarySender : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly IConversionTracker _tracker;

    /// <summary>Builds the container.</summary>
    /// <param name="sink">The sink's address.</param>
    public LibrarySender(Uri sink)
    {
        var services = new ServiceCollection();
        services.AddPartnerize(options =>
        {
            options.TrackingBaseAddress = sink;
            options.CampaignId = SampleOrders.CampaignId;
        });
        _provider = services.BuildServiceProvider();
        _tracker = _provider.GetRequiredService<IConversionTracker>();
    }

    /// <summary>Sends every draft and counts the results.</summary>
    /// <param name="drafts">The drafts.</param>
    /// <param name="concurrency">The batch's <see cref="TrackingBatchOptions.MaxConcurrency"/>.</param>
    /// <param name="delayMilliseconds">The sink's delay, for the record.</param>
    /// <returns>The run.</returns>
    public async Task<RunResult> RunAsync(IReadOnlyList<ConversionDraft> drafts, int concurrency, int delayMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long sent = 0;
        await foreach (var result in _tracker.TrackManyAsync(drafts, new TrackingBatchOptions { MaxConcurrency = concurrency }))
        {
            if (result.IsSent)
            {
                sent++;
            }
        }

        clock.Stop();
        process.Refresh();
        return new RunResult(RunResult.LibrarySide, concurrency, delayMilliseconds, drafts.Count, sent, clock.Elapsed, process.TotalProcessorTime - cpu);
    }

    /// <summary>Disposes the container and its connections.</summary>
    /// <returns>A task that completes when disposed.</returns>
    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
