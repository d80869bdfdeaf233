using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using Partnerize.Client.Conversions.Internal;

namespace Partnerize.Client.Conversions;

/// <summary>
/// Puts a conversion together from what you have mapped, then validates it into a <see cref="Conversion"/>.
/// </summary>
/// <example>
/// <code>
/// Conversion conversion = new ConversionBuilder()
///     .ConversionRef("ORD-1001")
///     .ClickRef("1011l4pkbcD")
///     .Currency("GBP")
///     .AddItem("shoes", quantity: 1, value: 59.99m, sku: "SKU-1")
///     .Build();
/// </code>
/// </example>
/// <remarks>
/// The builder records values as given; <see cref="Validate"/>, <see cref="TryBuild"/> and <see cref="Build"/>
/// trim text, treat empty as absent, normalise case, and apply the items precedence rule: a non-empty items
/// array (<see cref="AddItem(ConversionItemDraft)"/>, <see cref="Items"/>) wins over the single-item fields
/// (<see cref="ItemCategory"/>, <see cref="ItemQuantity(int)"/>, <see cref="ItemValue(decimal?)"/>,
/// <see cref="ItemSku"/>). A builder is not thread-safe; it can be reused after building, and <see cref="Clear"/> empties
/// it for the next conversion, so that one builder can serve a whole loop.
/// </remarks>
public sealed class ConversionBuilder
{
    private readonly IConversionValidator _validator;
    private string? _conversionRef;
    private string? _clickRef;
    private ConversionItemDraft? _item;
    private List<ItemEntry>? _items;
    private string? _currency;
    private string? _country;
    private string? _customerType;
    private string? _voucher;
    private string? _customerRef;
    private string? _fulfilmentDate;
    private DateOnly? _fulfilmentDateValue;
    private string? _conversionTime;
    private DateTimeOffset? _conversionTimeValue;
    private List<CustomParameter>? _custom;

    // The lists Clear() empties, kept so that a reused builder does not allocate them again. _items and _custom are
    // null until something is added (a draft tells an absent list from an empty one); when set, they are these.
    private List<ItemEntry>? _itemStore;
    private List<CustomParameter>? _customStore;
    private IReadOnlyList<ConversionRejection>? _mappingRejections;
    private IReadOnlyDictionary<string, string>? _sourceColumns;

    /// <summary>Creates a builder that validates with <see cref="ConversionValidator.Default"/>.</summary>
    public ConversionBuilder()
        : this(ConversionValidator.Default)
    {
    }

    /// <summary>Creates a builder that validates with the given validator.</summary>
    /// <param name="validator">The validator to use.</param>
    public ConversionBuilder(IConversionValidator validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        _validator = validator;
    }

    /// <summary>Creates a builder holding the values of an existing draft.</summary>
    /// <param name="draft">The draft to start from.</param>
    /// <returns>The builder.</returns>
    public static ConversionBuilder From(ConversionDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var builder = new ConversionBuilder
        {
            _conversionRef = draft.ConversionRef,
            _clickRef = draft.ClickRef,
            _item = draft.Item,
            _currency = draft.Currency,
            _country = draft.Country,
            _customerType = draft.CustomerType,
            _voucher = draft.Voucher,
            _customerRef = draft.CustomerRef,
            _fulfilmentDate = draft.FulfilmentDate,
            _conversionTime = draft.ConversionTime,

            // A row whose values could not all be read stays rejected, whatever is changed on top of it.
            _mappingRejections = draft.MappingRejections,
            _sourceColumns = draft.SourceColumns,
        };
        builder.Items(draft.Items);
        if (draft.CustomParameters is not null)
        {
            builder.CustomList().AddRange(draft.CustomParameters);
        }

        return builder;
    }

    /// <summary>
    /// Forgets every value set so far, as if the builder were new, and keeps its validator and the room its lists have
    /// grown to: one builder can build every conversion of a loop without allocating itself again.
    /// </summary>
    /// <returns>This builder.</returns>
    public ConversionBuilder Clear()
    {
        _conversionRef = null;
        _clickRef = null;
        _item = null;
        _items?.Clear();
        _items = null;
        _currency = null;
        _country = null;
        _customerType = null;
        _voucher = null;
        _customerRef = null;
        _fulfilmentDate = null;
        _fulfilmentDateValue = null;
        _conversionTime = null;
        _conversionTimeValue = null;
        _custom?.Clear();
        _custom = null;
        _mappingRejections = null;
        _sourceColumns = null;
        return this;
    }

    /// <summary>Sets the conversion reference (order ID). Required.</summary>
    /// <param name="conversionRef">Your unique reference for the conversion.</param>
    /// <returns>This builder.</returns>
    public ConversionBuilder ConversionRef(string? conversionRef)
    {
        _conversionRef = conversionRef;
        return this;
    }

    /// <summary>Sets the click reference captured at the point of sale. Required; case is kept.</summary>
    /// <param name="clickRef">The click reference.</param>
    /// <returns>This builder.</returns>
    public ConversionBuilder ClickRef(string? clickRef)
    {
        _clickRef = clickRef;
        return this;
    }

    /// <summary>Sets the single item's category.</summary>
    /// <param name="category">The item category.</param>
    /// <returns>This builder.</returns>
    public ConversionBuilder ItemCategory(string? category)
    {
        _item = (_item ?? new ConversionItemDraft()) with { Category = category };
        return this;
    }

    /// <summary>Sets the single item's quantity.</summary>
    /// <param name="quantity">The number of units, 1 or more.</param>
    /// <returns>This builder.</returns>
    public ConversionBuilder ItemQuantity(int quantity) => ItemQuantity(quantity.ToString(CultureInfo.InvariantCulture));

    /// <summary>Sets the single item's quantity from text (invariant culture).</summary>
    /// <param name="quantity">The number of units as text.</param>
    /// <returns>This builder.</returns>
    public ConversionBuilder ItemQuantity(string? quantity)
    {
        _item = (_item ?? new ConversionItemDraft()) with { Quantity = quantity };
        return this;
    }

    /// <summary>Sets the single item's value, excluding tax.</summary>
    /// <param name="value">The item value, or <see langword="null"/> to leave it out.</param>
    /// <returns>This builder.</returns>
    public ConversionBuilder ItemValue(decimal? value) => ItemValue(value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Sets the single item's value from text (invariant culture).</summary>
    /// <param name="value">The item value as text.</param>
    /// <returns>This builder.</returns>
    public ConversionBuilder ItemValue(string? value)
    {
        _item = (_item ?? new ConversionItemDraft()) with { Value = value };
        return this;
    }

    /// <summary>Sets the single item's SKU.</summary>
    /// <param name="sku">The product SKU.</param>
    /// <returns>This builder.</returns>
    public ConversionBuilder ItemSku(string? sku)
    {
        _item = (_item ?? new ConversionItemDraft()) with { Sku = sku };
        return this;
    }

    /// <summary>Sets all the single-item fields at once.</summary>
    /// <param name="item">The single item, or <see langword="null"/> to clear it.</param>
    /// <returns>This builder.</returns>
    public ConversionBuilder Item(ConversionItemDraft? item)
    {
        _item = item;
        return this;
    }

    /// <summary>Appends an entry to the items array.</summary>
    /// <param name="category">The item category.</param>
    /// <param name="quantity">The number of units.</param>
    /// <param name="value">The item value excluding tax, or <see langword="null"/>.</param>
    /// <param name="sku">The product SKU, or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    public ConversionBuilder AddItem(string? category, int quantity, decimal? value = null, string? sku = null)
    {
        // Kept typed, without a draft: ToDraft() makes the one ConversionItemDraft.Create would have made.
        ItemList().Add(ItemEntry.Typed(category, quantity, value, sku));
        return this;
    }

    /// <summary>Appends an entry to the items array.</summary>
    /// <param name="item">The item; <see langword="null"/> counts as an entry with no fields.</param>
    /// <returns>This builder.</returns>
    public ConversionBuilder AddItem(ConversionItemDraft? item)
    {
        ItemList().Add(ItemEntry.FromDraft(item));
        return this;
    }

    /// <summary>Replaces the items array. <see langword="null"/> or empty falls back to the single-item fields.</summary>
    /// <param name="items">The entries, or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    public ConversionBuilder Items(IEnumerable<ConversionItemDraft?>? items)
    {
        if (items is null)
        {
            _items?.Clear();
            _items = null;
            return this;
        }

        // Read in full before the list is touched: an enumeration that throws leaves the builder as it was.
        var entries = new List<ItemEntry>();
        foreach (var item in items)
        {
            entries.Add(ItemEntry.FromDraft(item));
        }

        var list = ItemList();
        list.Clear();
        list.AddRange(entries);
        return this;
    }

    /// <summary>Sets the ISO 4217 currency code (any case).</summary>
    /// <param name="currency">The currency, e.g. <c>USD</c>.</param>
    /// <returns>This builder.</returns>
    public ConversionBuilder Currency(string? currency)
    {
        _currency = currency;
        return this;
    }

    /// <summary>Sets the ISO 3166-1 alpha-2 country code (any case).</summary>
    /// <param name="country">The country, e.g. <c>US</c>.</param>
    /// <returns>This builder.</returns>
    public ConversionBuilder Country(string? country)
    {
        _country = country;
        return this;
    }

    /// <summary>Sets the customer type.</summary>
    /// <param name="customerType">New or existing, or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    public ConversionBuilder CustomerType(CustomerType? customerType) => CustomerType(customerType switch
    {
        null => null,
        Conversions.CustomerType.New => "new",
        Conversions.CustomerType.Existing => "existing",
        _ => ((int)customerType.Value).ToString(CultureInfo.InvariantCulture),
    });

    /// <summary>Sets the customer type from text: <c>new</c> or <c>existing</c>, in any case.</summary>
    /// <param name="customerType">The customer type.</param>
    /// <returns>This builder.</returns>
    public ConversionBuilder CustomerType(string? customerType)
    {
        _customerType = customerType;
        return this;
    }

    /// <summary>Sets the voucher or discount code.</summary>
    /// <param name="voucher">The code.</param>
    /// <returns>This builder.</returns>
    public ConversionBuilder Voucher(string? voucher)
    {
        _voucher = voucher;
        return this;
    }

    /// <summary>Sets your own customer identifier.</summary>
    /// <param name="customerRef">The customer reference.</param>
    /// <returns>This builder.</returns>
    public ConversionBuilder CustomerRef(string? customerRef)
    {
        _customerRef = customerRef;
        return this;
    }

    /// <summary>Sets the fulfilment date, which drives Partnerize's auto-approval window.</summary>
    /// <param name="fulfilmentDate">The date, or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    public ConversionBuilder FulfilmentDate(DateOnly? fulfilmentDate)
    {
        // Kept as a date: the draft gets its text only if one is asked for, so validation need not parse it back.
        _fulfilmentDate = null;
        _fulfilmentDateValue = fulfilmentDate;
        return this;
    }

    /// <summary>Sets the fulfilment date from <c>YYYY-MM-DD</c> text.</summary>
    /// <param name="fulfilmentDate">The date as text.</param>
    /// <returns>This builder.</returns>
    public ConversionBuilder FulfilmentDate(string? fulfilmentDate)
    {
        _fulfilmentDate = fulfilmentDate;
        _fulfilmentDateValue = null;
        return this;
    }

    /// <summary>Sets when the sale happened, for late or replayed sends. Sent in UTC to whole seconds.</summary>
    /// <param name="conversionTime">The time, or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    public ConversionBuilder ConversionTime(DateTimeOffset? conversionTime)
    {
        _conversionTime = null;
        _conversionTimeValue = conversionTime;
        return this;
    }

    /// <summary>Sets when the sale happened from ISO 8601 text; UTC is assumed without an offset.</summary>
    /// <param name="conversionTime">The time as text.</param>
    /// <returns>This builder.</returns>
    public ConversionBuilder ConversionTime(string? conversionTime)
    {
        _conversionTime = conversionTime;
        _conversionTimeValue = null;
        return this;
    }

    /// <summary>Appends a basket-level custom parameter; an empty value leaves it out of the request.</summary>
    /// <param name="key">Letters, digits and <c>_</c>, 1 to 64 characters, not a standard name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public ConversionBuilder Custom(string key, string? value)
    {
        CustomList().Add(new CustomParameter(key, value));
        return this;
    }

    /// <summary>Returns an immutable snapshot of what was set so far.</summary>
    /// <returns>The draft.</returns>
    public ConversionDraft ToDraft() => new()
    {
        ConversionRef = _conversionRef,
        ClickRef = _clickRef,
        Item = _item,
        Items = ItemDrafts(),
        Currency = _currency,
        Country = _country,
        CustomerType = _customerType,
        Voucher = _voucher,
        CustomerRef = _customerRef,
        FulfilmentDate = _fulfilmentDateValue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? _fulfilmentDate,
        ConversionTime = _conversionTimeValue?.ToString("O", CultureInfo.InvariantCulture) ?? _conversionTime,
        CustomParameters = _custom?.ToArray(),
        MappingRejections = _mappingRejections,
        SourceColumns = _sourceColumns,
    };

    /// <summary>Validates what was set: a valid conversion, or every rejection.</summary>
    /// <returns>The validation result.</returns>
    public ConversionValidationResult Validate() =>
        _validator is DraftValidator ? DraftValidator.Result(Fields()) : _validator.Validate(ToDraft());

    /// <summary>Builds the conversion without throwing for bad data.</summary>
    /// <param name="conversion">The valid conversion, when the result is <see langword="true"/>.</param>
    /// <param name="rejections">Every rejection; empty when the result is <see langword="true"/>.</param>
    /// <returns>Whether the conversion is valid.</returns>
    public bool TryBuild([NotNullWhen(true)] out Conversion? conversion, out IReadOnlyList<ConversionRejection> rejections)
    {
        if (_validator is DraftValidator)
        {
            conversion = DraftValidator.Validate(Fields(), out var found);
            rejections = found;
            return conversion is not null;
        }

        var result = _validator.Validate(ToDraft());
        conversion = result.Conversion;
        rejections = result.Rejections;
        return result.IsValid;
    }

    /// <summary>Builds the conversion, throwing when it is not valid.</summary>
    /// <returns>The valid conversion.</returns>
    /// <exception cref="ConversionRejectedException">The conversion is not valid; the exception lists every rejection.</exception>
    public Conversion Build() =>
        TryBuild(out var conversion, out var rejections) ? conversion : throw new ConversionRejectedException(rejections);

    /// <summary>
    /// What the library's own validator reads, straight from this builder: no draft, no copies of the lists (they are
    /// only read, before this method's caller returns), and dates as they were given.
    /// </summary>
    // Inlined so that the fields are built in the caller's frame: a struct of references returned through a hidden buffer
    // is written with a write barrier per reference.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal DraftFields Fields() => new()
    {
        ConversionRef = _conversionRef,
        ClickRef = _clickRef,
        Item = _item,
        ItemEntries = _items,
        Currency = _currency,
        Country = _country,
        CustomerType = _customerType,
        Voucher = _voucher,
        CustomerRef = _customerRef,
        FulfilmentDate = _fulfilmentDate,
        FulfilmentDateValue = _fulfilmentDateValue,
        ConversionTime = _conversionTime,
        ConversionTimeValue = _conversionTimeValue,
        CustomParameters = _custom,
        MappingRejections = _mappingRejections,
        SourceColumns = _sourceColumns,
    };

    /// <summary>The validator this builder was created with.</summary>
    internal IConversionValidator Validator => _validator;

    private List<ItemEntry> ItemList() => _items ??= _itemStore ??= [];

    private List<CustomParameter> CustomList() => _custom ??= _customStore ??= [];

    private ConversionItemDraft?[]? ItemDrafts()
    {
        if (_items is null)
        {
            return null;
        }

        var drafts = new ConversionItemDraft?[_items.Count];
        for (var i = 0; i < drafts.Length; i++)
        {
            drafts[i] = _items[i].ToDraft();
        }

        return drafts;
    }
}
