using System.Data;
using BenchmarkDotNet.Attributes;
using Partnerize.Client.Benchmarks.Samples;
using Partnerize.Client.Conversions;
using Partnerize.Client.Mapping;

namespace Partnerize.Client.Benchmarks.Micro;

/// <summary>
/// Mapping a warehouse row (a dictionary, or a DbDataReader row) through validation to its URL, against the hand-written
/// baseline producing the same URL; plus the mapping step alone.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(MicroConfig))]
public class MappingBenchmarks
{
    private ConversionMapping _mapping = null!;
    private LibraryRows _library = null!;
    private HandWrittenRows _handWritten = null!;
    private Dictionary<string, object?> _row = null!;
    private DataTable _table = null!;

    /// <summary>Prepares the inputs and checks that both sides produce the same URLs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        SampleUrls.AssertSame(BenchmarkCategories.DictionaryRow);
        SampleUrls.AssertSame(BenchmarkCategories.ReaderRow);
        _mapping = SampleRows.Mapping();
        _library = new LibraryRows(_mapping, SampleUrls.UrlBuilder());
        _handWritten = new HandWrittenRows(SampleOrders.TrackingBaseAddress, SampleOrders.CampaignId);
        _row = SampleRows.Dictionary(0);
        _table = SampleRows.Table(SampleUrls.ReaderRows);
    }

    /// <summary>Releases the table.</summary>
    [GlobalCleanup]
    public void Cleanup() => _table.Dispose();

    /// <summary>Baseline: a dictionary row's URL by hand.</summary>
    /// <returns>The URL.</returns>
    [Benchmark(Baseline = true, Description = "Hand-written")]
    [BenchmarkCategory(BenchmarkCategories.DictionaryRow)]
    public string DictionaryRow_HandWritten() => _handWritten.Url(_row);

    /// <summary>A dictionary row through mapping, validation and the URL builder.</summary>
    /// <returns>The URL.</returns>
    [Benchmark(Description = "Library")]
    [BenchmarkCategory(BenchmarkCategories.DictionaryRow)]
    public string DictionaryRow_Library() => _library.Url(_row);

    /// <summary>The mapping step alone: a dictionary row to its draft.</summary>
    /// <returns>The draft.</returns>
    [Benchmark(Description = "Library, map only")]
    [BenchmarkCategory(BenchmarkCategories.DictionaryRow)]
    public ConversionDraft DictionaryRow_MapOnly() => _mapping.Map(_row);

    /// <summary>Baseline: the URLs of a reader's rows by hand (per row).</summary>
    /// <returns>The total length, so that nothing is optimised away.</returns>
    [Benchmark(Baseline = true, Description = "Hand-written", OperationsPerInvoke = SampleUrls.ReaderRows)]
    [BenchmarkCategory(BenchmarkCategories.ReaderRow)]
    public long ReaderRow_HandWritten()
    {
        using var reader = _table.CreateDataReader();
        long total = 0;
        foreach (var url in _handWritten.Urls(reader))
        {
            total += url.Length;
        }

        return total;
    }

    /// <summary>A reader's rows through mapping, validation and the URL builder (per row).</summary>
    /// <returns>The total length, so that nothing is optimised away.</returns>
    [Benchmark(Description = "Library", OperationsPerInvoke = SampleUrls.ReaderRows)]
    [BenchmarkCategory(BenchmarkCategories.ReaderRow)]
    public long ReaderRow_Library()
    {
        using var reader = _table.CreateDataReader();
        long total = 0;
        foreach (var url in _library.Urls(reader))
        {
            total += url.Length;
        }

        return total;
    }

    /// <summary>The mapping step alone: a reader's rows to drafts (per row).</summary>
    /// <returns>How many drafts, so that nothing is optimised away.</returns>
    [Benchmark(Description = "Library, map only", OperationsPerInvoke = SampleUrls.ReaderRows)]
    [BenchmarkCategory(BenchmarkCategories.ReaderRow)]
    public int ReaderRow_MapOnly()
    {
        using var reader = _table.CreateDataReader();
        var count = 0;
        foreach (var draft in _mapping.Map(reader))
        {
            count += draft.Items is null ? 1 : 0;
        }

        return count;
    }
}
