namespace Partnerize.Client.Conversions.Internal;

/// <summary>
/// One entry of a <see cref="ConversionBuilder"/>'s items array: the typed values of
/// <see cref="ConversionBuilder.AddItem(string?, int, decimal?, string?)"/>, or the draft given to
/// <see cref="ConversionBuilder.AddItem(ConversionItemDraft?)"/>. Kept as a struct in the builder's list so that a
/// typed item costs no object and no quantity string; a <see cref="ConversionItemDraft"/> is made only when a draft is
/// asked for.
/// </summary>
internal readonly struct ItemEntry
{
    private ItemEntry(ConversionItemDraft? draft, string? category, int quantity, decimal? value, string? sku, bool isTyped)
    {
        Draft = draft;
        Category = category;
        Quantity = quantity;
        Value = value;
        Sku = sku;
        IsTyped = isTyped;
    }

    /// <summary>The draft given, or <see langword="null"/> for an entry with no fields; unused when <see cref="IsTyped"/>.</summary>
    public ConversionItemDraft? Draft { get; }

    public string? Category { get; }

    public int Quantity { get; }

    public decimal? Value { get; }

    public string? Sku { get; }

    /// <summary>Whether the entry holds typed values rather than a draft.</summary>
    public bool IsTyped { get; }

    public static ItemEntry Typed(string? category, int quantity, decimal? value, string? sku) =>
        new(null, category, quantity, value, sku, isTyped: true);

    public static ItemEntry FromDraft(ConversionItemDraft? draft) => new(draft, null, 0, null, null, isTyped: false);

    /// <summary>The draft this entry stands for: the one given, or one created from the typed values, as <see cref="ConversionItemDraft.Create"/> makes it.</summary>
    public ConversionItemDraft? ToDraft() => IsTyped ? ConversionItemDraft.Create(Category, Quantity, Value, Sku) : Draft;
}
