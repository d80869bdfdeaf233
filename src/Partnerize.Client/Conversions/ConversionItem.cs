namespace Partnerize.Client.Conversions;

/// <summary>A validated line item of a <see cref="Conversion"/>.</summary>
/// <remarks>Only the validator creates these, so every instance satisfies Partnerize's rules.</remarks>
public sealed record ConversionItem
{
    internal ConversionItem(string category, int quantity, decimal? value, string? sku, IReadOnlyList<CustomParameter> customParameters)
    {
        Category = category;
        Quantity = quantity;
        Value = value;
        Sku = sku;
        CustomParameters = customParameters;
    }

    /// <summary>The item category, trimmed, never empty.</summary>
    public string Category { get; }

    /// <summary>The number of units, 1 or more.</summary>
    public int Quantity { get; }

    /// <summary>The item value excluding tax, 0 or more; <see langword="null"/> when left out.</summary>
    public decimal? Value { get; }

    /// <summary>The product SKU, trimmed; <see langword="null"/> when left out.</summary>
    public string? Sku { get; }

    /// <summary>Item-level custom parameters with non-empty values, in their mapped order.</summary>
    public IReadOnlyList<CustomParameter> CustomParameters { get; }
}
