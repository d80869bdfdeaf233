using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Partnerize.Client.Conversions;

namespace Partnerize.Client.Tests.Tracking;

/// <summary>
/// FsCheck generators of <see cref="BuilderRecipe"/>s: series of builder calls that make valid conversions most of the
/// time and every kind of rejection the rest of it. Text mixes values that need nothing (the fast path), white space to
/// trim, characters to escape, non-ASCII, surrogate pairs, lone surrogates and long runs; numbers cover zero, negative
/// zero, every scale and values beyond 64 bits; custom keys repeat, clash with standard names or are malformed.
/// </summary>
public static class BuilderRecipeGenerators
{
    private static readonly string[] Spaces = [" ", "\t", "\u00A0", "\u2003", "\n"];

    private static readonly string[] Odd =
    [
        "/", ":", "[", "]", "%", "?", "#", "&", "+", " ", "\"", "é", "Ä", "靴", "\U0001F600", "\u200B", "\uFFFD", "-", ".", "_", "~",
    ];

    private static readonly string[] CustomKeys =
    [
        "size", "Size", "colour", "sales_channel", "store_id", "x", "K9_", "currency", "SKU", "Quantity", "a b", "ü", "", "a-b",
        new string('k', 64), new string('k', 65),
    ];

    private static Gen<string> Plain =>
        from length in Gen.Choose(1, 16)
        from characters in Gen.ArrayOf(Gen.Elements("ABCXYZabcxyz0123456789-._~".ToCharArray()), length)
        select new string(characters);

    private static Gen<string> Atom => Gen.Frequency(
        (6, Plain),
        (2, Gen.Elements(Odd)),
        (1, Gen.Elements(Spaces)),
        (1, Gen.Choose(0xD800, 0xDFFF).Select(c => ((char)c).ToString())),
        (1, Gen.Choose(0x10000, 0x10FFFF).Select(char.ConvertFromUtf32)),
        (1, Gen.Choose(20, 120).Select(n => new string('w', n))));

    /// <summary>Mostly plain values; sometimes padded, odd, broken, blank or absent.</summary>
    private static Gen<string?> Text => Gen.Frequency(
        (8, Plain.Select(s => (string?)s)),
        (4, Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Atom, n)).Select(a => (string?)string.Concat(a))),
        (1, Gen.Constant<string?>(null)),
        (1, Gen.Elements<string?>(string.Empty, " ", "\t \u00A0")));

    private static Gen<decimal?> Number => Gen.Frequency(
        (1, Gen.Constant<decimal?>(null)),
        (1, Gen.Elements<decimal?>(0m, 0.00m, -0m, new decimal(0, 0, 0, true, 2), 4.50m, 2.00m, 59.99m, -1m, -0.01m, decimal.MaxValue, 1e-28m)),
        (4, from lo in Gen.Choose(int.MinValue, int.MaxValue)
            from mid in Gen.Elements(0, 0, 1, int.MaxValue, -1)
            from hi in Gen.Elements(0, 0, 0, 1, int.MaxValue)
            from negative in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
            from scale in Gen.Choose(0, 28)
            select (decimal?)new decimal(lo, mid, hi, negative, (byte)scale)));

    private static Gen<int> Quantity => Gen.Frequency(
        (6, Gen.Choose(1, 100)),
        (1, Gen.Elements(0, -1, int.MinValue, int.MaxValue)));

    private static Gen<string?> QuantityText => Gen.Frequency(
        (4, Gen.Choose(1, 100).Select(q => (string?)q.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.Elements<string?>("2.00", " 3 ", "0", "-1", "1.5", "x", "", null, "99999999999", "+4", "007")));

    private static Gen<string?> ValueText => Gen.Frequency(
        (4, Number.Select(n => n?.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.Elements<string?>("4.50", " 0.5 ", "-1", "1e3", "", null, "1,5", ".5", "5.", "abc", "-0.00", "0000.10")));

    private static Gen<CustomParameter[]?> ItemCustom => Gen.Frequency(
        (4, Gen.Constant<CustomParameter[]?>(null)),
        (1, from count in Gen.Choose(0, 3)
            from keys in Gen.ArrayOf(Gen.Elements(CustomKeys), count)
            from values in Gen.ArrayOf(Text, count)
            select (CustomParameter[]?)keys.Zip(values, (k, v) => new CustomParameter(k, v)).ToArray()));

    private static Gen<ConversionItemDraft?> ItemDraft => Gen.Frequency(
        (1, Gen.Constant<ConversionItemDraft?>(null)),
        (6, from category in Text
            from quantity in QuantityText
            from value in ValueText
            from sku in Text
            from custom in ItemCustom
            select (ConversionItemDraft?)new ConversionItemDraft { Category = category, Quantity = quantity, Value = value, Sku = sku, CustomParameters = custom }),
        (2, from category in Text
            from quantity in Quantity
            from value in Number
            from sku in Text
            select (ConversionItemDraft?)ConversionItemDraft.Create(category, quantity, value, sku)));

    private static Gen<BuilderStep> TypedItem =>
        from category in Text
        from quantity in Quantity
        from value in Number
        from sku in Text
        select Step(
            $"AddItem({Show(category)}, {quantity}, {Show(value)}, {Show(sku)})",
            b => b.AddItem(category, quantity, value, sku));

    private static Gen<BuilderStep> BasketStep => Gen.OneOf(
        Text.Select(t => Step($"ConversionRef({Show(t)})", b => b.ConversionRef(t))),
        Text.Select(t => Step($"ClickRef({Show(t)})", b => b.ClickRef(t))),
        Gen.Elements<string?>("GBP", "gbp", " Usd ", "EU", "EURO", "G3P", "ÉUR", "", null).Select(t => Step($"Currency({Show(t)})", b => b.Currency(t))),
        Gen.Elements<string?>("GB", "gb", " De ", "G", "GBR", "Ü1", "", null).Select(t => Step($"Country({Show(t)})", b => b.Country(t))),
        Gen.Elements<CustomerType?>(CustomerType.New, CustomerType.Existing, null, (CustomerType)7).Select(t => Step($"CustomerType({t?.ToString() ?? "null"})", b => b.CustomerType(t))),
        Gen.Elements<string?>("new", " EXISTING ", "New", "nope", "", null).Select(t => Step($"CustomerType({Show(t)})", b => b.CustomerType(t))),
        Text.Select(t => Step($"Voucher({Show(t)})", b => b.Voucher(t))),
        Text.Select(t => Step($"CustomerRef({Show(t)})", b => b.CustomerRef(t))),
        Gen.Choose(1, DateOnly.MaxValue.DayNumber).Select(d => DateOnly.FromDayNumber(d)).Select(d => Step($"FulfilmentDate(new DateOnly({d.Year}, {d.Month}, {d.Day}))", b => b.FulfilmentDate(d))),
        Gen.Elements<string?>("2024-05-03", " 2024-12-31 ", "2024-02-30", "2024-5-3", "0001-01-01", "9999-12-31", "", null).Select(t => Step($"FulfilmentDate({Show(t)})", b => b.FulfilmentDate(t))),
        (from ticks in Gen.Choose(0, int.MaxValue)
         from days in Gen.Choose(0, 3_000_000)
         from offset in Gen.Choose(-14 * 60, 14 * 60)
         let time = new DateTimeOffset(new DateTime(3, 1, 1).AddDays(days).AddTicks(ticks), TimeSpan.FromMinutes(offset))
         select Step($"ConversionTime(DateTimeOffset.Parse(\"{time:O}\"))", b => b.ConversionTime(time))),
        Gen.Elements<string?>("2024-05-01T13:45:00Z", "2024-05-01 13:45:59.9+02:00", "2024-05-01T13:45", " 2024-05-01 ", "yesterday", "", null).Select(t => Step($"ConversionTime({Show(t)})", b => b.ConversionTime(t))),
        CustomStep,
        CustomStep,
        CustomStep);

    private static Gen<BuilderStep> CustomStep =>
        from key in Gen.Frequency((3, Gen.Elements("size", "Size", "SIZE", "store_id")), (2, Gen.Elements(CustomKeys)))
        from value in Text
        select Step($"Custom({Show(key)}, {Show(value)})", b => b.Custom(key, value));

    private static Gen<BuilderStep> ItemStep => Gen.Frequency(
        (6, TypedItem),
        (2, ItemDraft.Select(d => Step($"AddItem({ShowDraft(d)})", b => b.AddItem(d)))),
        (1, Text.Select(t => Step($"ItemCategory({Show(t)})", b => b.ItemCategory(t)))),
        (1, Quantity.Select(q => Step($"ItemQuantity({q})", b => b.ItemQuantity(q)))),
        (1, QuantityText.Select(q => Step($"ItemQuantity({Show(q)})", b => b.ItemQuantity(q)))),
        (1, Number.Select(v => Step($"ItemValue({Show(v)}m)", b => b.ItemValue(v)))),
        (1, ValueText.Select(v => Step($"ItemValue({Show(v)})", b => b.ItemValue(v)))),
        (1, Text.Select(t => Step($"ItemSku({Show(t)})", b => b.ItemSku(t)))),
        (1, ItemDraft.Select(d => Step($"Item({ShowDraft(d)})", b => b.Item(d)))),
        (1, Gen.Frequency(
                (1, Gen.Constant<ConversionItemDraft?[]?>(null)),
                (3, Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(ItemDraft, n)).Select(a => (ConversionItemDraft?[]?)a)))
            .Select(items => Step($"Items({(items is null ? "null" : "[" + string.Join(", ", items.Select(ShowDraft)) + "]")})", b => b.Items(items)))));

    /// <summary>A valid start (references and one typed item) most of the time, then any calls.</summary>
    private static Gen<BuilderStep[]> Steps =>
        from valid in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from conversionRef in Plain
        from clickRef in Plain
        from category in Plain
        from quantity in Gen.Choose(1, 9)
        from count in Gen.Choose(0, 8)
        from more in Gen.ArrayOf(Gen.Frequency((3, BasketStep), (2, ItemStep)), count)
        select (valid
            ? new[]
            {
                Step($"ConversionRef({Show(conversionRef)})", b => b.ConversionRef(conversionRef)),
                Step($"ClickRef({Show(clickRef)})", b => b.ClickRef(clickRef)),
                Step($"AddItem({Show(category)}, {quantity})", b => b.AddItem(category, quantity)),
            }
            : []).Concat(more).ToArray();

    public static Arbitrary<BuilderRecipe> Recipes() => Arb.From(
        from steps in Steps
        from previous in Steps
        from maxLength in Gen.Frequency((4, Gen.Constant(int.MaxValue)), (1, Gen.Choose(100, 400)))
        select new BuilderRecipe(steps, previous, maxLength));

    private static BuilderStep Step(FormattableString description, Action<ConversionBuilder> apply) =>
        new(description.ToString(CultureInfo.InvariantCulture), apply);

    private static string Show(string? text) => BuilderRecipe.Show(text);

    private static string Show(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    private static string ShowDraft(ConversionItemDraft? draft) => draft is null
        ? "null"
        : $"{{Category={Show(draft.Category)}, Quantity={Show(draft.Quantity)}, Value={Show(draft.Value)}, Sku={Show(draft.Sku)}, " +
          $"Custom=[{string.Join(", ", (draft.CustomParameters ?? []).Select(p => Show(p.Key) + ":" + Show(p.Value)))}]}}";
}
