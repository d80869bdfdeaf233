using System.Globalization;

namespace Partnerize.Client.Conversions;

/// <summary>
/// One line item as it was mapped, before validation: every field is optional here and numbers are text,
/// exactly as they came from the source, so that the validator can name a bad value in its message.
/// </summary>
/// <remarks>
/// Numbers are written with the invariant culture (<c>42.50</c>, never <c>42,50</c>). Use
/// <see cref="Create(string?, int, decimal?, string?)"/> when the values are already typed.
/// </remarks>
public sealed record ConversionItemDraft
{
    private string? _value;

    // Set by Create: the value as the number it was given. Its text is written only when Value is read, so that the
    // validator takes the number as it is instead of formatting and parsing it back, and a typed item costs no string.
    private decimal? _number;

    /// <summary>The item category (required when sent).</summary>
    public string? Category { get; init; }

    /// <summary>The number of units, as text: a whole number of 1 or more (required when sent).</summary>
    public string? Quantity { get; init; }

    /// <summary>The item value excluding tax and currency symbols, as text: a number of 0 or more (optional).</summary>
    public string? Value
    {
        get => _value ??= _number?.ToString(CultureInfo.InvariantCulture);
        init
        {
            _value = value;
            _number = null;
        }
    }

    /// <summary>The product SKU (optional).</summary>
    public string? Sku { get; init; }

    /// <summary>Item-level custom parameters, in the order they are appended to the item.</summary>
    public IReadOnlyList<CustomParameter>? CustomParameters { get; init; }

    /// <summary>Creates an item draft from typed values.</summary>
    /// <param name="category">The item category.</param>
    /// <param name="quantity">The number of units.</param>
    /// <param name="value">The item value excluding tax, or <see langword="null"/> to leave it out.</param>
    /// <param name="sku">The product SKU, or <see langword="null"/>.</param>
    /// <returns>The draft.</returns>
    public static ConversionItemDraft Create(string? category, int quantity, decimal? value = null, string? sku = null) =>
        new()
        {
            Category = category,
            Quantity = quantity.ToString(CultureInfo.InvariantCulture),
            _number = value,
            Sku = sku,
        };

    /// <summary>The value as the number <see cref="Create"/> was given, or <see langword="null"/> when it came as text.</summary>
    internal decimal? Number => _number;

    /// <summary>Whether both drafts hold the same text in every field (a value given as a number compares as its text).</summary>
    /// <param name="other">The other draft.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public bool Equals(ConversionItemDraft? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (string.Equals(Category, other.Category, StringComparison.Ordinal)
             && string.Equals(Quantity, other.Quantity, StringComparison.Ordinal)
             && string.Equals(Value, other.Value, StringComparison.Ordinal)
             && string.Equals(Sku, other.Sku, StringComparison.Ordinal)
             && Equals(CustomParameters, other.CustomParameters)));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Category, Quantity, Value, Sku, CustomParameters);

    /// <summary>Whether any field holds a value (not empty or white space).</summary>
    internal bool HasAnyValue =>
        !string.IsNullOrWhiteSpace(Category) || !string.IsNullOrWhiteSpace(Quantity) ||
        _number is not null || !string.IsNullOrWhiteSpace(Value) || !string.IsNullOrWhiteSpace(Sku) || HasAnyCustomValue();

    private bool HasAnyCustomValue()
    {
        if (CustomParameters is null)
        {
            return false;
        }

        foreach (var parameter in CustomParameters)
        {
            if (!string.IsNullOrWhiteSpace(parameter.Value))
            {
                return true;
            }
        }

        return false;
    }
}
