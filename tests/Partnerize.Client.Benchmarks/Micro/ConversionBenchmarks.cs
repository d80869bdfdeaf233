using BenchmarkDotNet.Attributes;
using Partnerize.Client.Benchmarks.Samples;
using Partnerize.Client.Conversions;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Benchmarks.Micro;

/// <summary>Build + validate + URL of a conversion, against the hand-written baseline producing the same URL.</summary>
[MemoryDiagnoser]
[Config(typeof(MicroConfig))]
public class ConversionBenchmarks
{
    private TrackingUrlBuilder _urls = null!;
    private ConversionBuilder _loopBuilder = null!;
    private HandWrittenUrls _handWritten = null!;
    private SampleOrder _typical = null!;
    private SampleOrder _heavy = null!;

    /// <summary>Prepares the inputs and checks that both sides produce the same URLs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        SampleUrls.AssertSame(BenchmarkCategories.Typical);
        SampleUrls.AssertSame(BenchmarkCategories.Heavy);
        _urls = SampleUrls.UrlBuilder();
        _loopBuilder = new ConversionBuilder();
        _handWritten = new HandWrittenUrls(SampleOrders.TrackingBaseAddress, SampleOrders.CampaignId);
        _typical = SampleOrders.Typical();
        _heavy = SampleOrders.Heavy();
    }

    /// <summary>Baseline: the typical conversion's URL by hand.</summary>
    /// <returns>The URL.</returns>
    [Benchmark(Baseline = true, Description = "Hand-written")]
    [BenchmarkCategory(BenchmarkCategories.Typical)]
    public string Typical_HandWritten() => _handWritten.Url(_typical);

    /// <summary>The typical conversion through the builder, the validator and the URL builder.</summary>
    /// <returns>The URL.</returns>
    [Benchmark(Description = "Library")]
    [BenchmarkCategory(BenchmarkCategories.Typical)]
    public string Typical_Library() => LibraryUrls.Url(_urls, _typical);

    /// <summary>The typical conversion in a loop: one builder cleared for every row, validated and written in one go.</summary>
    /// <returns>The URL.</returns>
    [Benchmark(Description = "Library, loop")]
    [BenchmarkCategory(BenchmarkCategories.Typical)]
    public string Typical_LibraryLoop() => LibraryUrls.LoopUrl(_urls, _loopBuilder, _typical);

    /// <summary>Baseline: the heavy conversion's URL by hand.</summary>
    /// <returns>The URL.</returns>
    [Benchmark(Baseline = true, Description = "Hand-written")]
    [BenchmarkCategory(BenchmarkCategories.Heavy)]
    public string Heavy_HandWritten() => _handWritten.Url(_heavy);

    /// <summary>The heavy conversion through the builder, the validator and the URL builder.</summary>
    /// <returns>The URL.</returns>
    [Benchmark(Description = "Library")]
    [BenchmarkCategory(BenchmarkCategories.Heavy)]
    public string Heavy_Library() => LibraryUrls.Url(_urls, _heavy);

    /// <summary>The heavy conversion in a loop: one builder cleared for every row, validated and written in one go.</summary>
    /// <returns>The URL.</returns>
    [Benchmark(Description = "Library, loop")]
    [BenchmarkCategory(BenchmarkCategories.Heavy)]
    public string Heavy_LibraryLoop() => LibraryUrls.LoopUrl(_urls, _loopBuilder, _heavy);
}
