using System.Data;
using Partnerize.Client.Conversions;
using Partnerize.Client.Mapping;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Benchmarks.Samples;

/// <summary>A row's tracking URL the library way: mapping, validation, URL builder.</summary>
public sealed class LibraryRows
{
    private readonly ConversionMapping _mapping;
    private readonly TrackingUrlBuilder _urls;

    /// <summary>Creates the row pipeline.</summary>
    /// <param name="mapping">The mapping.</param>
    /// <param name="urls">The URL builder of the campaign.</param>
    public LibraryRows(ConversionMapping mapping, TrackingUrlBuilder urls)
    {
        _mapping = mapping;
        _urls = urls;
    }

    /// <summary>The URL of a row held as a dictionary.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The URL.</returns>
    public string Url(IReadOnlyDictionary<string, object?> row) => Url(_mapping.Map(row));

    /// <summary>The URLs of every row of a reader.</summary>
    /// <param name="reader">The reader, before its first row.</param>
    /// <returns>The URLs, as the rows are read.</returns>
    public IEnumerable<string> Urls(IDataReader reader)
    {
        foreach (var draft in _mapping.Map(reader))
        {
            yield return Url(draft);
        }
    }

    private string Url(ConversionDraft draft)
    {
        var result = ConversionValidator.Default.Validate(draft);
        return result.IsValid
            ? _urls.Build(result.Conversion)
            : throw new ConversionRejectedException(result.Rejections);
    }
}
