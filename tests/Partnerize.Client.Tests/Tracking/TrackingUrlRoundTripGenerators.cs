using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Partnerize.Client.Conversions;

namespace Partnerize.Client.Tests.Tracking;

/// <summary>
/// FsCheck generators for the tracking URL round trip: text made of control characters, the URL delimiters
/// <c>/ : [ ] % ? # &amp; +</c> and space, other ASCII, non-ASCII, surrogate pairs and Unicode white space, in every
/// text field; valid values in the fields that have a format. Lone surrogates are generated only by
/// <see cref="BrokenTexts"/>: the validator rejects them, so they cannot round-trip.
/// </summary>
public static class TrackingUrlRoundTripGenerators
{
    private static readonly string[] Delimiters =
    [
        "/", ":", "[", "]", "%", "?", "#", "&", "+", " ", "=", ";", ",", "@", "!", "$", "'", "(", ")", "*", "\"", "<", ">",
        "\\", "^", "`", "{", "|", "}", "-", ".", "_", "~",
    ];

    // Values that try to forge a segment, a group or an escape, and characters with case or width traps.
    private static readonly string[] Tricky =
    [
        "/commission:999", "][category:free", "/[category:x/quantity:9]", "%2F", "%41", "%", "%%", "%zz", "+", "İ", "ı", "ß",
        "\U0001F600", "\U0001F468\u200D\U0001F469\u200D\U0001F467", "\u200B", "\uFEFF", "\u0000", "\r\n", "\uFFFD", "\uFFFF",
    ];

    private static readonly string[] Spaces = [" ", "\t", "\n", "\r", "\v", "\f", "\u00A0", "\u1680", "\u2003", "\u2028", "\u3000", "\u0085"];

    private static readonly string[] BaseAddresses = ["https://prf.hn/", "https://brand.prf.hn", "https://t.example.com/partnerize/"];

    private static readonly string[] CustomerTypes = ["new", "NEW", "New", "existing", "EXISTING", "Existing", "eXiStInG"];

    private const string KeyCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_";

    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>One piece of text: a character, a surrogate pair or a short tricky string; never a lone surrogate.</summary>
    private static Gen<string> Atom => Gen.Frequency(
        (5, Gen.Choose('a', 'z').Select(c => ((char)c).ToString())),
        (4, Gen.Choose(0x20, 0x7E).Select(c => ((char)c).ToString())),
        (2, Gen.Choose(0x00, 0x40).Select(c => ((char)(c < 0x20 ? c : c + 0x5F)).ToString())),
        (3, Gen.Choose(0xA0, 0xF7FF).Select(c => ((char)(c < 0xD800 ? c : c + 0x800)).ToString())),
        (2, Gen.Choose(0x10000, 0x10FFFF).Select(char.ConvertFromUtf32)),
        (3, Gen.Elements(Delimiters)),
        (1, Gen.Elements(Tricky)),
        (1, Gen.Elements(Spaces)));

    /// <summary>Any well-formed text, possibly empty or only white space.</summary>
    private static Gen<string> Text => Atoms.Select(string.Concat);

    /// <summary>Text with at least one character that is not white space (put between two atoms, never inside a pair).</summary>
    private static Gen<string> RequiredText =>
        from padding in Padding
        from atoms in Atoms
        from anchor in Atom.Where(a => a.Trim().Length > 0)
        from at in Gen.Choose(0, atoms.Length)
        select padding.Before + string.Concat(atoms.Take(at)) + anchor + string.Concat(atoms.Skip(at)) + padding.After;

    /// <summary>Absent, empty, white space only, or any text.</summary>
    private static Gen<string?> OptionalText => Gen.Frequency(
        (1, Gen.Constant<string?>(null)),
        (1, Gen.Constant<string?>(string.Empty)),
        (1, Gen.ArrayOf(Gen.Elements(Spaces), 2).Select(s => (string?)string.Concat(s))),
        (6, RequiredText.Select(s => (string?)s)));

    public static Arbitrary<RoundTripCase> Cases() => Arb.From(CaseGen);

    public static Arbitrary<BrokenTextCase> BrokenTexts() => Arb.From(BrokenTextGen);

    private static Gen<string[]> Atoms =>
        Gen.Sized(size => Gen.Choose(0, Math.Min(size, 30))).SelectMany(length => Gen.ArrayOf(Atom, length));

    private static Gen<(string Before, string After)> Padding =>
        from before in Gen.Frequency((3, Gen.Constant(string.Empty)), (1, Gen.Elements(Spaces)))
        from after in Gen.Frequency((3, Gen.Constant(string.Empty)), (1, Gen.Elements(Spaces)))
        select (before, after);

    private static Gen<string> CustomKey =>
        (from length in Gen.Frequency((4, Gen.Choose(1, 10)), (1, Gen.Choose(11, 64)))
         from characters in Gen.ArrayOf(Gen.Elements(KeyCharacters.ToCharArray()), length)
         select new string(characters))
        .Where(key => !ParameterNames.IsStandard(key));

    private static Gen<CustomParameter[]> CustomParameters =>
        from count in Gen.Choose(0, 4)
        from keys in Gen.ArrayOf(CustomKey, count)
        from values in Gen.ArrayOf(OptionalText, count)
        select keys.Distinct(StringComparer.OrdinalIgnoreCase).Zip(values, (k, v) => new CustomParameter(k, v)).ToArray();

    private static Gen<string?> Code(int length) => Gen.Frequency(
        (1, Gen.Constant<string?>(null)),
        (1, Gen.Elements<string?>(string.Empty, "  ")),
        (4, from letters in Gen.ArrayOf(Gen.Elements(Letters.ToCharArray()), length)
            from padding in Padding
            select (string?)(padding.Before + new string(letters) + padding.After)));

    private static Gen<string?> CustomerType => Gen.Frequency(
        (1, Gen.Constant<string?>(null)),
        (1, Gen.Constant<string?>(" ")),
        (4, from type in Gen.Elements(CustomerTypes)
            from padding in Padding
            select (string?)(padding.Before + type + padding.After)));

    private static Gen<string?> FulfilmentDate => Gen.Frequency(
        (1, Gen.Constant<string?>(null)),
        (3, Gen.Choose(0, DateOnly.MaxValue.DayNumber)
            .Select(day => (string?)DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));

    private static Gen<DateTimeOffset?> ConversionTime => Gen.Frequency(
        (1, Gen.Constant<DateTimeOffset?>(null)),
        (3, from days in Gen.Choose(0, 3_650_000)
            from seconds in Gen.Choose(0, 86_399)
            from ticks in Gen.Choose(0, (int)TimeSpan.TicksPerSecond - 1)
            from offsetMinutes in Gen.Choose(-14 * 60, 14 * 60)
            let utc = new DateTime(2, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(days).AddSeconds(seconds).AddTicks(ticks)
            select (DateTimeOffset?)new DateTimeOffset(utc).ToOffset(TimeSpan.FromMinutes(offsetMinutes))));

    private static Gen<string?> Value => Gen.Frequency(
        (1, Gen.Constant<string?>(null)),
        (1, Gen.Constant<string?>(" ")),
        (4, from lo in Gen.Choose(int.MinValue, int.MaxValue)
            from mid in Gen.Choose(int.MinValue, int.MaxValue)
            from hi in Gen.Elements(0, 0, 0, 1, 1000, int.MaxValue, -1)
            from scale in Gen.Choose(0, 28)
            from padding in Padding
            select (string?)(padding.Before + new decimal(lo, mid, hi, false, (byte)scale).ToString(CultureInfo.InvariantCulture) + padding.After)));

    private static Gen<string> Quantity =>
        from quantity in Gen.Frequency((4, Gen.Choose(1, 100)), (1, Gen.Choose(1, int.MaxValue)))
        from fraction in Gen.Frequency((4, Gen.Constant(string.Empty)), (1, Gen.Constant(".00")))
        from padding in Padding
        select padding.Before + quantity.ToString(CultureInfo.InvariantCulture) + fraction + padding.After;

    private static Gen<ConversionItemDraft> Item =>
        from category in RequiredText
        from quantity in Quantity
        from value in Value
        from sku in OptionalText
        from custom in CustomParameters
        select new ConversionItemDraft { Category = category, Quantity = quantity, Value = value, Sku = sku, CustomParameters = custom };

    // Single-item fields that would be rejected on their own: a non-empty array must make them irrelevant.
    private static Gen<ConversionItemDraft?> IgnoredSingleItem => Gen.Elements<ConversionItemDraft?>(
        null,
        new ConversionItemDraft { Quantity = "-5", Value = "abc" },
        new ConversionItemDraft { Category = "ignored", Quantity = "1" });

    private static Gen<RoundTripCase> CaseGen =>
        from baseAddress in Gen.Elements(BaseAddresses)
        from campaign in RequiredText
        from conversionRef in RequiredText
        from clickRef in RequiredText
        from currency in Code(3)
        from country in Code(2)
        from customerType in CustomerType
        from voucher in OptionalText
        from customerRef in OptionalText
        from fulfilmentDate in FulfilmentDate
        from conversionTime in ConversionTime
        from timeFormat in Gen.Elements("O", "yyyy-MM-dd HH:mm:ss.fffffffzzz")
        from custom in CustomParameters
        from useArray in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from count in Gen.Choose(1, 5)
        from items in Gen.ArrayOf(Item, count)
        from ignored in IgnoredSingleItem
        from emptyArray in Gen.Elements<ConversionItemDraft?[]?>(null, [])
        select new RoundTripCase(
            new Uri(baseAddress),
            campaign,
            new ConversionDraft
            {
                ConversionRef = conversionRef,
                ClickRef = clickRef,
                Currency = currency,
                Country = country,
                CustomerType = customerType,
                Voucher = voucher,
                CustomerRef = customerRef,
                FulfilmentDate = fulfilmentDate,
                ConversionTime = conversionTime?.ToString(timeFormat, CultureInfo.InvariantCulture),
                CustomParameters = custom,
                Items = useArray ? items : emptyArray,
                Item = useArray ? ignored : items[0],
            },
            conversionTime);

    private static Gen<BrokenTextCase> BrokenTextGen =>
        from name in Gen.Elements(BrokenTextCase.Fields.ToArray())
        from text in Text
        from at in Gen.Choose(0, text.Length)
        from surrogate in Gen.Choose(0xD800, 0xDFFF)
        select BrokenTextCase.Create(name, Insert(text, at, ((char)surrogate).ToString()));

    private static string Insert(string text, int at, string piece) => new StringBuilder(text).Insert(at, piece).ToString();
}
