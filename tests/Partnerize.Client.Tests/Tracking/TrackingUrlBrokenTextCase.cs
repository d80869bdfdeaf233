using Partnerize.Client.Conversions;

namespace Partnerize.Client.Tests.Tracking;

/// <summary>A valid draft except for one text field, which holds a lone UTF-16 surrogate.</summary>
/// <param name="Field">The rejection field the validator must name.</param>
/// <param name="Text">The broken text.</param>
/// <param name="Draft">The draft.</param>
public sealed record BrokenTextCase(string Field, string Text, ConversionDraft Draft)
{
    /// <summary>The rejection fields of every free-text field, basket and item level, array and single item.</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        "conversionRef", "clickRef", "voucher", "customerRef", "custom.gift",
        "items[1].category", "items[1].sku", "items[1].custom.note",
        "item.category", "item.sku", "item.custom.note",
    ];

    public static BrokenTextCase Create(string field, string text)
    {
        var item = new ConversionItemDraft { Category = "a", Quantity = "1", Sku = "s", CustomParameters = [new CustomParameter("note", "n")] };
        var broken = field[(field.IndexOf('.', StringComparison.Ordinal) + 1)..] switch
        {
            "category" => item with { Category = text },
            "sku" => item with { Sku = text },
            "custom.note" => item with { CustomParameters = [new CustomParameter("note", text)] },
            _ => item,
        };

        var draft = new ConversionDraft
        {
            ConversionRef = field == "conversionRef" ? text : "r",
            ClickRef = field == "clickRef" ? text : "c",
            Voucher = field == "voucher" ? text : null,
            CustomerRef = field == "customerRef" ? text : null,
            CustomParameters = [new CustomParameter("gift", field == "custom.gift" ? text : "g")],
            Item = field.StartsWith("item.", StringComparison.Ordinal) ? broken : null,
            Items = field.StartsWith("items[", StringComparison.Ordinal) ? [item, broken]
                : field.StartsWith("item.", StringComparison.Ordinal) ? null
                : [item],
        };

        return new BrokenTextCase(field, text, draft);
    }

    public override string ToString() => $"{Field} = {RoundTripCase.Show(Text)}";
}
