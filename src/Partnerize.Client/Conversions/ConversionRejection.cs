namespace Partnerize.Client.Conversions;

/// <summary>
/// One reason a conversion cannot be sent. A rejected conversion is never sent.
/// </summary>
/// <param name="Code">A stable code for programs; see <see cref="RejectionCodes"/>.</param>
/// <param name="Field">
/// The field concerned, as named in mappings: <c>conversionRef</c>, <c>currency</c>, <c>item.quantity</c> (single-item
/// fields), <c>items[2].quantity</c> (items array), <c>custom.check_in_date</c>, <c>items[0].custom.size</c>.
/// </param>
/// <param name="Message">A message for people. The four documented messages are reproduced character for character.</param>
/// <param name="ItemIndex">The zero-based index of the item concerned, where there is one.</param>
/// <param name="Column">
/// The source column the field was mapped from (set for drafts produced by <c>ConversionMapping</c>), so that a report
/// can point at the warehouse column to fix; <see langword="null"/> for drafts built in code.
/// </param>
public sealed record ConversionRejection(string Code, string Field, string Message, int? ItemIndex = null, string? Column = null)
{
    /// <summary>
    /// Returns the field and the message, e.g. <c>currency: Currency must be ...</c>, with the source column when known
    /// (<c>currency (column 'cur'): ...</c>).
    /// </summary>
    /// <returns>A one-line description.</returns>
    public override string ToString()
    {
        var field = ItemIndex is { } index && !Field.StartsWith("item", StringComparison.Ordinal)
            ? $"{Field} (item {index})"
            : Field;
        return Column is null ? $"{field}: {Message}" : $"{field} (column '{Column}'): {Message}";
    }
}
