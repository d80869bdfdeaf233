namespace Partnerize.Client.Conversions;

/// <summary>
/// A validated, immutable conversion (sale) ready to be sent to Partnerize.
/// </summary>
/// <remarks>
/// Instances come only from <see cref="ConversionBuilder"/> or <see cref="IConversionValidator"/>, so a
/// <see cref="Conversion"/> always has a conversion reference, a click reference and at least one item with
/// a category and a quantity. Strings are trimmed; absent fields are <see langword="null"/>.
/// </remarks>
public sealed record Conversion
{
    internal Conversion(
        string conversionRef,
        string clickRef,
        IReadOnlyList<ConversionItem> items,
        string? currency,
        string? country,
        CustomerType? customerType,
        string? voucher,
        string? customerRef,
        DateOnly? fulfilmentDate,
        DateTimeOffset? conversionTime,
        IReadOnlyList<CustomParameter> customParameters)
    {
        ConversionRef = conversionRef;
        ClickRef = clickRef;
        Items = items;
        Currency = currency;
        Country = country;
        CustomerType = customerType;
        Voucher = voucher;
        CustomerRef = customerRef;
        FulfilmentDate = fulfilmentDate;
        ConversionTime = conversionTime;
        CustomParameters = customParameters;
    }

    /// <summary>The conversion reference (order ID).</summary>
    public string ConversionRef { get; }

    /// <summary>The click reference, case kept.</summary>
    public string ClickRef { get; }

    /// <summary>The line items: at least one.</summary>
    public IReadOnlyList<ConversionItem> Items { get; }

    /// <summary>ISO 4217 currency code, upper-case.</summary>
    public string? Currency { get; }

    /// <summary>ISO 3166-1 alpha-2 country code, upper-case.</summary>
    public string? Country { get; }

    /// <summary>New or existing customer.</summary>
    public CustomerType? CustomerType { get; }

    /// <summary>The voucher or discount code.</summary>
    public string? Voucher { get; }

    /// <summary>The brand's own customer identifier.</summary>
    public string? CustomerRef { get; }

    /// <summary>The fulfilment date; drives Partnerize's auto-approval window.</summary>
    public DateOnly? FulfilmentDate { get; }

    /// <summary>When the sale happened, in UTC (offset zero), to whole seconds.</summary>
    public DateTimeOffset? ConversionTime { get; }

    /// <summary>Basket-level custom parameters with non-empty values, in their mapped order.</summary>
    public IReadOnlyList<CustomParameter> CustomParameters { get; }
}
