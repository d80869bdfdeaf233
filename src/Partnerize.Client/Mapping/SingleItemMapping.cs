namespace Partnerize.Client.Mapping;

/// <summary>The columns of the single-item fields of a <see cref="ConversionMapping"/>; unmapped fields are <see langword="null"/>.</summary>
public sealed class SingleItemMapping
{
    internal SingleItemMapping(string? category, string? quantity, string? value, string? sku)
    {
        Category = category;
        Quantity = quantity;
        Value = value;
        Sku = sku;
    }

    /// <summary>The column of the item category.</summary>
    public string? Category { get; }

    /// <summary>The column of the item quantity.</summary>
    public string? Quantity { get; }

    /// <summary>The column of the item value.</summary>
    public string? Value { get; }

    /// <summary>The column of the item SKU.</summary>
    public string? Sku { get; }
}
