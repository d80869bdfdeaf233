using Partnerize.Client.Benchmarks.Samples;
using Partnerize.Client.Conversions;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Benchmarks.Micro;

/// <summary>
/// The URLs each benchmark category produces, and the checks that the library and the baseline produce the same ones,
/// so that the comparison is honest.
/// </summary>
public static class SampleUrls
{
    /// <summary>How many rows the reader benchmarks read per invocation.</summary>
    public const int ReaderRows = 1000;

    /// <summary>The heavy URL is longer than the default 8,000-character limit; the benchmarks raise it.</summary>
    public const int MaxLength = 64 * 1024;

    /// <summary>The URL builder every library benchmark uses.</summary>
    /// <returns>The builder.</returns>
    public static TrackingUrlBuilder UrlBuilder() => new(SampleOrders.TrackingBaseAddress, SampleOrders.CampaignId, MaxLength);

    /// <summary>Whether <see cref="Produce"/> knows the category (the send benchmarks have no URL of their own to compare).</summary>
    /// <param name="category">A benchmark category.</param>
    /// <returns><see langword="true"/> for the categories of <see cref="BenchmarkCategories"/>.</returns>
    public static bool HasUrls(string category) => category is BenchmarkCategories.Typical or BenchmarkCategories.Heavy
        or BenchmarkCategories.DictionaryRow or BenchmarkCategories.ReaderRow;

    /// <summary>The URLs of a category, from the library and from the baseline.</summary>
    /// <param name="category">One of <see cref="BenchmarkCategories"/>.</param>
    /// <returns>The pairs, in order.</returns>
    public static IReadOnlyList<(string Library, string HandWritten)> Produce(string category)
    {
        var urls = UrlBuilder();
        switch (category)
        {
            case BenchmarkCategories.Typical:
            case BenchmarkCategories.Heavy:
            {
                var order = category == BenchmarkCategories.Typical ? SampleOrders.Typical() : SampleOrders.Heavy();
                var handWritten = new HandWrittenUrls(SampleOrders.TrackingBaseAddress, SampleOrders.CampaignId).Url(order);

                // The loop's builder serves the other order first: anything Clear() left behind would show in the URL.
                var loopBuilder = new ConversionBuilder();
                LibraryUrls.LoopUrl(urls, loopBuilder, category == BenchmarkCategories.Typical ? SampleOrders.Heavy() : SampleOrders.Typical());

                // Row 0: new builder, model, URL ("Library"); row 1: the reused builder's fused URL ("Library, loop").
                return [(LibraryUrls.Url(urls, order), handWritten), (LibraryUrls.LoopUrl(urls, loopBuilder, order), handWritten)];
            }

            case BenchmarkCategories.DictionaryRow:
            {
                var row = SampleRows.Dictionary(0);
                var library = new LibraryRows(SampleRows.Mapping(), urls);
                var handWritten = new HandWrittenRows(SampleOrders.TrackingBaseAddress, SampleOrders.CampaignId);
                return [(library.Url(row), handWritten.Url(row))];
            }

            case BenchmarkCategories.ReaderRow:
            {
                using var table = SampleRows.Table(ReaderRows);
                var library = new LibraryRows(SampleRows.Mapping(), urls);
                var handWritten = new HandWrittenRows(SampleOrders.TrackingBaseAddress, SampleOrders.CampaignId);
                using var libraryReader = table.CreateDataReader();
                using var handWrittenReader = table.CreateDataReader();
                var libraryUrls = library.Urls(libraryReader).ToList();
                var handWrittenUrls = handWritten.Urls(handWrittenReader).ToList();
                if (libraryUrls.Count != handWrittenUrls.Count)
                {
                    throw new InvalidOperationException($"{category}: the library produced {libraryUrls.Count} URLs, the baseline {handWrittenUrls.Count}.");
                }

                return libraryUrls.Zip(handWrittenUrls).ToList();
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown benchmark category.");
        }
    }

    /// <summary>Throws unless the library and the baseline produce identical URLs in the category.</summary>
    /// <param name="category">One of <see cref="BenchmarkCategories"/>.</param>
    /// <returns>The URLs.</returns>
    /// <exception cref="InvalidOperationException">A URL differs.</exception>
    public static IReadOnlyList<(string Library, string HandWritten)> AssertSame(string category)
    {
        var pairs = Produce(category);
        for (var i = 0; i < pairs.Count; i++)
        {
            var (library, handWritten) = pairs[i];
            if (!string.Equals(library, handWritten, StringComparison.Ordinal))
            {
                var at = library.AsSpan().CommonPrefixLength(handWritten);
                throw new InvalidOperationException(
                    $"{category} row {i}: the library and the baseline differ at character {at}.{Environment.NewLine}" +
                    $"library:  {library}{Environment.NewLine}baseline: {handWritten}");
            }
        }

        return pairs;
    }

    /// <summary>The average size in bytes of the URL string a category produces (a 64-bit .NET string: 22 bytes + 2 per character, rounded up to 8).</summary>
    /// <param name="category">One of <see cref="BenchmarkCategories"/>.</param>
    /// <returns>The size.</returns>
    public static double StringBytes(string category) => Produce(category).Average(pair => StringBytes(pair.Library.Length));

    /// <summary>The size in bytes of a string of <paramref name="length"/> characters on 64-bit .NET.</summary>
    /// <param name="length">The number of characters.</param>
    /// <returns>The size.</returns>
    public static int StringBytes(int length) => (22 + (2 * length) + 7) / 8 * 8;
}
