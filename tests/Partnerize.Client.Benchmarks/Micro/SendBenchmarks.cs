using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Partnerize.Client.Benchmarks.Load;
using Partnerize.Client.Benchmarks.Samples;
using Partnerize.Client.Conversions;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Benchmarks.Micro;

/// <summary>
/// The client's own work per conversion sent, with the network replaced by <see cref="CannedAnswerHandler"/>, per row:
/// the plain <see cref="HttpClient"/> loop of the load runs, then the library layer by layer, up to
/// <c>TrackManyAsync</c> of drafts as the load runs use it. Each step adds one layer to the one before.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(MicroConfig))]
public class SendBenchmarks
{
    private const int Rows = 1000;

    private ServiceProvider _provider = null!;
    private IConversionTracker _tracker = null!;
    private HttpClient _plain = null!;
    private HttpClient _trackingClient = null!;
    private IReadOnlyList<ConversionDraft> _drafts = null!;
    private IReadOnlyList<Conversion> _conversions = null!;
    private IReadOnlyList<string> _urls = null!;

    /// <summary>Requests in flight at most, for every side.</summary>
    [Params(32)]
    public int Concurrency { get; set; }

    /// <summary>Wires every side to the in-memory handler.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddPartnerize(options => options.CampaignId = SampleOrders.CampaignId)
            .TrackingHttpClient.ConfigurePrimaryHttpMessageHandler(() => new CannedAnswerHandler());
        _provider = services.BuildServiceProvider();
        _tracker = _provider.GetRequiredService<IConversionTracker>();
        _trackingClient = _provider.GetRequiredService<IHttpClientFactory>().CreateClient(PartnerizeHttpClientNames.Tracking);
        _plain = new HttpClient(new CannedAnswerHandler());
        _drafts = LoadWorkload.Drafts(Rows);
        _conversions = _drafts.Select(draft => ConversionBuilder.From(draft).Build()).ToArray();
        _urls = LoadWorkload.Urls(_drafts, SampleOrders.TrackingBaseAddress);
    }

    /// <summary>Releases every side.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _plain.Dispose();
        _provider.Dispose();
    }

    /// <summary>Baseline: the plain loop, pre-built URLs, <c>GetAsync</c>, status check.</summary>
    /// <returns>How many were answered 2xx.</returns>
    [Benchmark(Baseline = true, Description = "1. Plain HttpClient loop", OperationsPerInvoke = Rows)]
    [BenchmarkCategory("Send")]
    public Task<int> Send_Plain() => LoopAsync(_plain);

    /// <summary>The same loop over the library's tracking client: its retry handler (retries, per-attempt timeout) and attempt handler.</summary>
    /// <returns>How many were answered 2xx.</returns>
    [Benchmark(Description = "2. Same loop, library's tracking HttpClient", OperationsPerInvoke = Rows)]
    [BenchmarkCategory("Send")]
    public Task<int> Send_TrackingClient() => LoopAsync(_trackingClient);

    /// <summary>The same loop calling <c>TrackAsync</c> with validated conversions: URL, send, body, result, telemetry.</summary>
    /// <returns>How many were sent.</returns>
    [Benchmark(Description = "3. Same loop, TrackAsync(Conversion)", OperationsPerInvoke = Rows)]
    [BenchmarkCategory("Send")]
    public async Task<int> Send_TrackAsync()
    {
        var sent = 0;
        await Parallel.ForEachAsync(_conversions, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (conversion, cancellationToken) =>
        {
            var result = await _tracker.TrackAsync(conversion, cancellationToken: cancellationToken);
            if (result.IsSent)
            {
                Interlocked.Increment(ref sent);
            }
        });
        return sent;
    }

    /// <summary><c>TrackManyAsync</c> of validated conversions: adds the ordered, bounded batch.</summary>
    /// <returns>How many were sent.</returns>
    [Benchmark(Description = "4. TrackManyAsync(conversions)", OperationsPerInvoke = Rows)]
    [BenchmarkCategory("Send")]
    public async Task<int> Send_TrackManyConversions()
    {
        var sent = 0;
        await foreach (var result in _tracker.TrackManyAsync(_conversions, new TrackingBatchOptions { MaxConcurrency = Concurrency }))
        {
            sent += result.IsSent ? 1 : 0;
        }

        return sent;
    }

    /// <summary><c>TrackManyAsync</c> of drafts, as the load runs use it: adds validation.</summary>
    /// <returns>How many were sent.</returns>
    [Benchmark(Description = "5. TrackManyAsync(drafts)", OperationsPerInvoke = Rows)]
    [BenchmarkCategory("Send")]
    public async Task<int> Send_TrackManyDrafts()
    {
        var sent = 0;
        await foreach (var result in _tracker.TrackManyAsync(_drafts, new TrackingBatchOptions { MaxConcurrency = Concurrency }))
        {
            sent += result.IsSent ? 1 : 0;
        }

        return sent;
    }

    private async Task<int> LoopAsync(HttpClient client)
    {
        var sent = 0;
        await Parallel.ForEachAsync(_urls, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (url, cancellationToken) =>
        {
            using var response = await client.GetAsync(url, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref sent);
            }
        });
        return sent;
    }
}
