namespace Partnerize.Client.Mapping;

/// <summary>
/// The items array of a <see cref="ConversionMapping"/>: the column holding it and the inline mapper, which says which
/// key of each entry feeds which item field.
/// </summary>
public sealed class ItemsMapping
{
    internal ItemsMapping(string column, string category, string quantity, string value, string sku, IReadOnlyList<CustomParameterMapping> custom)
    {
        Column = column;
        Category = category;
        Quantity = quantity;
        Value = value;
        Sku = sku;
        Custom = custom;
    }

    /// <summary>The column holding the array.</summary>
    public string Column { get; }

    /// <summary>The key of each entry holding the category; <c>category</c> unless renamed.</summary>
    public string Category { get; }

    /// <summary>The key of each entry holding the quantity; <c>quantity</c> unless renamed.</summary>
    public string Quantity { get; }

    /// <summary>The key of each entry holding the value; <c>value</c> unless renamed.</summary>
    public string Value { get; }

    /// <summary>The key of each entry holding the SKU; <c>sku</c> unless renamed.</summary>
    public string Sku { get; }

    /// <summary>Item-level custom parameters and the entry keys they come from, in their mapped order.</summary>
    public IReadOnlyList<CustomParameterMapping> Custom { get; }
}
