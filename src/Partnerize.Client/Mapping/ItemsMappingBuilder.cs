using Partnerize.Client.Mapping.Internal;

namespace Partnerize.Client.Mapping;

/// <summary>
/// The inline mapper of the items array: which key of each entry feeds which item field. Keys default to the field
/// names (<c>category</c>, <c>quantity</c>, <c>value</c>, <c>sku</c>) and match case-insensitively.
/// </summary>
public sealed class ItemsMappingBuilder
{
    private readonly ItemsDocument _items;

    internal ItemsMappingBuilder(ItemsDocument items) => _items = items;

    /// <summary>Names the key holding the category.</summary>
    /// <param name="key">The key inside each entry.</param>
    /// <returns>This builder.</returns>
    public ItemsMappingBuilder Category(string key)
    {
        _items.Category = key;
        return this;
    }

    /// <summary>Names the key holding the quantity.</summary>
    /// <param name="key">The key inside each entry.</param>
    /// <returns>This builder.</returns>
    public ItemsMappingBuilder Quantity(string key)
    {
        _items.Quantity = key;
        return this;
    }

    /// <summary>Names the key holding the value.</summary>
    /// <param name="key">The key inside each entry.</param>
    /// <returns>This builder.</returns>
    public ItemsMappingBuilder Value(string key)
    {
        _items.Value = key;
        return this;
    }

    /// <summary>Names the key holding the SKU.</summary>
    /// <param name="key">The key inside each entry.</param>
    /// <returns>This builder.</returns>
    public ItemsMappingBuilder Sku(string key)
    {
        _items.Sku = key;
        return this;
    }

    /// <summary>Appends an item-level custom parameter read from a key of each entry.</summary>
    /// <param name="parameter">The parameter name: letters, digits and <c>_</c>, 1 to 64 characters, not a standard name.</param>
    /// <param name="key">The key inside each entry.</param>
    /// <returns>This builder.</returns>
    public ItemsMappingBuilder Custom(string parameter, string key)
    {
        (_items.Custom ??= []).Add(new KeyValuePair<string, string?>(parameter, key));
        return this;
    }
}
