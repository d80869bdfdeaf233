namespace Partnerize.Client.Conversions;

/// <summary>
/// A conversion as it was mapped from a row or put together by <see cref="ConversionBuilder"/>, before validation.
/// </summary>
/// <remarks>
/// Nothing here is checked yet: <see cref="IConversionValidator"/> turns a draft into a valid <see cref="Conversion"/>
/// or into the full list of <see cref="ConversionRejection"/>s. Text is kept as it came (trimming and case
/// normalisation happen in validation), so that a rejection can quote the offending value.
/// </remarks>
public sealed record ConversionDraft
{
    /// <summary>The conversion reference (order ID). Required.</summary>
    public string? ConversionRef { get; init; }

    /// <summary>The click reference captured at the point of sale. Required; its case is kept.</summary>
    public string? ClickRef { get; init; }

    /// <summary>The single-item fields (category, quantity, value, SKU), or <see langword="null"/> when not mapped.</summary>
    public ConversionItemDraft? Item { get; init; }

    /// <summary>
    /// The items array, or <see langword="null"/> when not mapped. When it has at least one entry it takes
    /// precedence over <see cref="Item"/>; when it is empty or <see langword="null"/>, <see cref="Item"/> is used.
    /// </summary>
    public IReadOnlyList<ConversionItemDraft?>? Items { get; init; }

    /// <summary>ISO 4217 currency code, e.g. <c>USD</c>.</summary>
    public string? Currency { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code, e.g. <c>US</c>.</summary>
    public string? Country { get; init; }

    /// <summary><c>new</c> or <c>existing</c>, in any case.</summary>
    public string? CustomerType { get; init; }

    /// <summary>The voucher or discount code used on the order.</summary>
    public string? Voucher { get; init; }

    /// <summary>The brand's own customer identifier.</summary>
    public string? CustomerRef { get; init; }

    /// <summary>The fulfilment date as <c>YYYY-MM-DD</c>.</summary>
    public string? FulfilmentDate { get; init; }

    /// <summary>When the sale happened, as ISO 8601 text (e.g. <c>2024-05-01T13:45:00Z</c>); UTC is assumed without an offset.</summary>
    public string? ConversionTime { get; init; }

    /// <summary>Basket-level custom parameters, in the order they were mapped.</summary>
    public IReadOnlyList<CustomParameter>? CustomParameters { get; init; }

    /// <summary>
    /// Values that field mapping could not read from the row (code <see cref="RejectionCodes.ValueUnreadable"/>), or
    /// <see langword="null"/>. The validator reports them first and does not report the same fields again as missing.
    /// </summary>
    public IReadOnlyList<ConversionRejection>? MappingRejections { get; init; }

    /// <summary>
    /// Which source column fed which field, keyed by field path (<c>conversionRef</c>, <c>currency</c>,
    /// <c>item.quantity</c>, <c>custom.check_in_date</c>, <c>items</c> for everything read from the items column), or
    /// <see langword="null"/>. Shared by every draft of one mapping; the validator uses it to fill
    /// <see cref="ConversionRejection.Column"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string>? SourceColumns { get; init; }
}
