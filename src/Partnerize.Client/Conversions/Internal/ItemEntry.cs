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
    // The value as a decimal and a flag rather than a decimal?, whose padding would make every entry 8 bytes larger.
    private readonly decimal _value;
    private readonly Flags _flags;

    private ItemEntry(ConversionItemDraft? draft, string? category, int quantity, decimal? value, string? sku, bool isTyped)
    {
        Draft = draft;
        Category = category;
        Quantity = quantity;
        _value = value.GetValueOrDefault();
        Sku = sku;
        _flags = (value.HasValue ? Flags.HasValue : Flags.None) | (isTyped ? Flags.IsTyped : Flags.None);
    }

    [Flags]
    private enum Flags : byte
    {
        None = 0,
        HasValue = 1,
        IsTyped = 2,
    }

    /// <summary>The draft given, or <see langword="null"/> for an entry with no fields; unused when <see cref="IsTyped"/>.</summary>
    public ConversionItemDraft? Draft { get; }

    public string? Category { get; }

    public int Quantity { get; }

    public decimal? Value => (_flags & Flags.HasValue) != 0 ? _value : null;

    public string? Sku { get; }

    /// <summary>Whether the entry holds typed values rather than a draft.</summary>
    public bool IsTyped => (_flags & Flags.IsTyped) != 0;

    public static ItemEntry Typed(string? category, int quantity, decimal? value, string? sku) =>
        new(null, category, quantity, value, sku, isTyped: true);

    public static ItemEntry FromDraft(ConversionItemDraft? draft) => new(draft, null, 0, null, null, isTyped: false);

    /// <summary>The draft this entry stands for: the one given, or one created from the typed values, as <see cref="ConversionItemDraft.Create"/> makes it.</summary>
    public ConversionItemDraft? ToDraft() => IsTyped ? ConversionItemDraft.Create(Category, Quantity, Value, Sku) : Draft;
}
