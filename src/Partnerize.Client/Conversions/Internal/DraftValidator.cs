using System.Buffers;
using System.Globalization;
using System.Text;

namespace Partnerize.Client.Conversions.Internal;

/// <summary>
/// Turns a <see cref="ConversionDraft"/> into a <see cref="Conversion"/> or the full list of rejections
/// (wire contract 1.4 to 1.6). Stateless; allocates only what the result needs.
/// </summary>
internal sealed class DraftValidator : IConversionValidator
{
    private const int MaxCustomKeyLength = 64;

    private static readonly SearchValues<char> CustomKeyCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    private static readonly string[] ConversionTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd",
    ];

    public ConversionValidationResult Validate(ConversionDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return Result(DraftFields.From(draft));
    }

    public static ConversionValidationResult Result(in DraftFields fields)
    {
        var conversion = Validate(fields, out var rejections);
        return conversion is not null ? ConversionValidationResult.Valid(conversion) : ConversionValidationResult.Rejected(rejections);
    }

    /// <summary>Validates without a result object: the conversion, or <see langword="null"/> and every rejection.</summary>
    public static Conversion? Validate(in DraftFields fields, out ConversionRejection[] rejected)
    {
        var rejections = new RejectionList(fields);

        var conversionRef = RequiredText(fields.ConversionRef, "conversionRef", RejectionCodes.ConversionRefMissing, RejectionMessages.ConversionRefMissing, ref rejections);
        var clickRef = RequiredText(fields.ClickRef, "clickRef", RejectionCodes.ClickRefMissing, RejectionMessages.ClickRefMissing, ref rejections);

        var currency = Letters(fields.Currency, 3, "currency", RejectionCodes.CurrencyInvalid, ref rejections);
        var country = Letters(fields.Country, 2, "country", RejectionCodes.CountryInvalid, ref rejections);
        var customerType = ParseCustomerType(fields.CustomerType, ref rejections);
        var voucher = OptionalText(fields.Voucher, "voucher", ref rejections);
        var customerRef = OptionalText(fields.CustomerRef, "customerRef", ref rejections);
        var fulfilmentDate = fields.FulfilmentDateValue ?? ParseFulfilmentDate(fields.FulfilmentDate, ref rejections);
        var conversionTime = fields.ConversionTimeValue is { } time ? WholeSecondsUtc(time) : ParseConversionTime(fields.ConversionTime, ref rejections);
        var custom = CustomParameters(fields.CustomParameters, null, ref rejections);
        var items = ValidateItems(fields, ref rejections);

        if (rejections.Count > 0)
        {
            rejected = rejections.ToArray();
            return null;
        }

        rejected = [];
        return new Conversion(
            conversionRef!, clickRef!, items!, currency, country, customerType, voucher, customerRef,
            fulfilmentDate, conversionTime, custom);
    }

    private static ConversionItem[]? ValidateItems(in DraftFields fields, ref RejectionList rejections)
    {
        // Contract 1.5: a mapped, non-empty array wins; an empty or null one falls back to the single-item fields.
        if (fields.Items is { Count: > 0 } array)
        {
            var items = new ConversionItem[array.Count];
            var valid = true;
            for (var index = 0; index < array.Count; index++)
            {
                var item = ValidateItem(array[index], new ItemPath(FromArray: true, index), ref rejections);
                if (item is null)
                {
                    valid = false;
                }
                else
                {
                    items[index] = item;
                }
            }

            return valid ? items : null;
        }

        if (fields.ItemEntries is { Count: > 0 } entries)
        {
            var items = new ConversionItem[entries.Count];
            var valid = true;
            for (var index = 0; index < entries.Count; index++)
            {
                var entry = entries[index];
                var path = new ItemPath(FromArray: true, index);
                var item = entry.IsTyped ? ValidateTypedItem(entry, path, ref rejections) : ValidateItem(entry.Draft, path, ref rejections);
                if (item is null)
                {
                    valid = false;
                }
                else
                {
                    items[index] = item;
                }
            }

            return valid ? items : null;
        }

        // An items column that could not be read might have held items: falling back would judge the wrong fields.
        if (rejections.IsMappingProblem("items"))
        {
            return null;
        }

        if (fields.Item is { HasAnyValue: true } || rejections.HasMappingProblemUnder("item."))
        {
            var item = ValidateItem(fields.Item, new ItemPath(FromArray: false, 0), ref rejections);
            return item is null ? null : [item];
        }

        rejections.Add(new ConversionRejection(RejectionCodes.ItemsMissing, "items", RejectionMessages.ItemsMissing));
        return null;
    }

    private static ConversionItem? ValidateItem(ConversionItemDraft? draft, ItemPath path, ref RejectionList rejections)
    {
        var before = rejections.Count;
        var index = path.Index;
        var category = ItemText(draft?.Category, path, ParameterNames.Category, ref rejections);
        var quantityText = Blank(draft?.Quantity);
        var sku = ItemText(draft?.Sku, path, ParameterNames.Sku, ref rejections);
        ReportMissing(category is null, quantityText is null, path, ref rejections);

        var quantity = 0;
        if (quantityText is not null && !TryParseQuantity(quantityText, out quantity))
        {
            rejections.Add(new ConversionRejection(RejectionCodes.ItemQuantityInvalid, path.Field(ParameterNames.Quantity), RejectionMessages.QuantityInvalid(quantityText), index));
        }

        decimal? value;
        if (draft?.Number is { } number)
        {
            value = TypedValue(number, path, ref rejections);
        }
        else
        {
            value = null;
            if (Blank(draft?.Value) is { } valueText)
            {
                if (TryParseValue(valueText, out var parsed))
                {
                    value = parsed;
                }
                else
                {
                    rejections.Add(new ConversionRejection(RejectionCodes.ItemValueInvalid, path.Field(ParameterNames.Value), RejectionMessages.ValueInvalid(valueText), index));
                }
            }
        }

        var custom = CustomParameters(draft?.CustomParameters, path, ref rejections);
        return rejections.Count == before && category is not null && quantityText is not null
            ? new ConversionItem(category, quantity, value, sku, custom)
            : null;
    }

    /// <summary>
    /// An item given as typed values (<see cref="ConversionBuilder.AddItem(string?, int, decimal?, string?)"/>): the same
    /// rejections and item as the draft <see cref="ConversionItemDraft.Create"/> makes of them, without its text.
    /// </summary>
    private static ConversionItem? ValidateTypedItem(in ItemEntry entry, ItemPath path, ref RejectionList rejections)
    {
        var before = rejections.Count;
        var category = ItemText(entry.Category, path, ParameterNames.Category, ref rejections);
        var sku = ItemText(entry.Sku, path, ParameterNames.Sku, ref rejections);

        // An int's invariant text is never blank, so only the category can be missing.
        ReportMissing(category is null, quantityBlank: false, path, ref rejections);
        if (entry.Quantity < 1)
        {
            var text = entry.Quantity.ToString(CultureInfo.InvariantCulture);
            rejections.Add(new ConversionRejection(RejectionCodes.ItemQuantityInvalid, path.Field(ParameterNames.Quantity), RejectionMessages.QuantityInvalid(text), path.Index));
        }

        var value = entry.Value is { } number ? TypedValue(number, path, ref rejections) : null;
        return rejections.Count == before && category is not null
            ? new ConversionItem(category, entry.Quantity, value, sku, [])
            : null;
    }

    /// <summary>A value given as a number: valid when 0 or more, as its invariant text would parse back; a negative one is rejected quoting that text.</summary>
    private static decimal? TypedValue(decimal number, ItemPath path, ref RejectionList rejections)
    {
        if (number >= 0)
        {
            return number == 0 && decimal.IsNegative(number) ? decimal.Negate(number) : number;
        }

        var text = number.ToString(CultureInfo.InvariantCulture);
        rejections.Add(new ConversionRejection(RejectionCodes.ItemValueInvalid, path.Field(ParameterNames.Value), RejectionMessages.ValueInvalid(text), path.Index));
        return null;
    }

    private static void ReportMissing(bool categoryBlank, bool quantityBlank, ItemPath path, ref RejectionList rejections)
    {
        // A field mapping could not read is reported once, by mapping, not again here as missing.
        var categoryMissing = categoryBlank && !rejections.IsMappingProblem(path, ParameterNames.Category);
        var quantityMissing = quantityBlank && !rejections.IsMappingProblem(path, ParameterNames.Quantity);
        if (categoryMissing || quantityMissing)
        {
            var (field, missing) = (categoryMissing, quantityMissing) switch
            {
                (true, true) => (path.ToString(), "category, quantity"),
                (true, false) => (path.Field(ParameterNames.Category), "category"),
                _ => (path.Field(ParameterNames.Quantity), "quantity"),
            };
            rejections.Add(new ConversionRejection(RejectionCodes.ItemFieldMissing, field, RejectionMessages.ItemFieldMissingPrefix + missing, path.Index));
        }
    }

    internal static bool TryParseQuantity(ReadOnlySpan<char> text, out int quantity)
    {
        // The common case, plain digits, without the general parser; anything else takes the general path below.
        if (TryParseDigits(text, out var digits) && digits is >= 1 and <= int.MaxValue)
        {
            quantity = (int)digits;
            return true;
        }

        // Whole numbers written with a zero fraction ("2.00", as NUMERIC columns give them) are whole numbers too.
        quantity = 0;
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)
            || parsed < 1 || parsed > int.MaxValue || decimal.Truncate(parsed) != parsed)
        {
            return false;
        }

        quantity = (int)parsed;
        return true;
    }

    internal static bool TryParseValue(ReadOnlySpan<char> text, out decimal value)
    {
        if (TryParseSimpleDecimal(text, out value))
        {
            return true;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            || value < 0)
        {
            return false;
        }

        // "-0" and "-0.00" parse to a negative zero that would print with its sign.
        if (value == 0 && decimal.IsNegative(value))
        {
            value = decimal.Negate(value);
        }

        return true;
    }

    /// <summary>Plain ASCII digits (at most 18, so they fit a long), nothing else; the general parsers handle the rest.</summary>
    private static bool TryParseDigits(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 18)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    /// <summary>
    /// <c>digits</c> or <c>digits.digits</c> (at most 18 digits in all), as invariant text gives a non-negative decimal:
    /// the same value and scale as <see cref="decimal.TryParse(string, NumberStyles, IFormatProvider, out decimal)"/>
    /// gives, without its generality. Anything else (signs, a lone point, more digits) takes the general path.
    /// </summary>
    private static bool TryParseSimpleDecimal(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        var point = text.IndexOf('.');
        if (point < 0)
        {
            if (!TryParseDigits(text, out var whole))
            {
                return false;
            }

            value = whole;
            return true;
        }

        var fraction = text[(point + 1)..];
        if (point == 0 || fraction.IsEmpty || text.Length - 1 > 18
            || !TryParseDigits(text[..point], out var integral) || !TryParseDigits(fraction, out var fractional))
        {
            return false;
        }

        var scale = fraction.Length;
        var unscaled = (integral * Pow10(scale)) + fractional;
        value = new decimal((int)unscaled, (int)(unscaled >> 32), 0, isNegative: false, (byte)scale);
        return true;
    }

    private static long Pow10(int exponent)
    {
        var result = 1L;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }

    /// <summary>Exactly <c>yyyy-MM-dd</c> with a real date; anything else takes <see cref="DateOnly.TryParseExact(string, string, IFormatProvider, DateTimeStyles, out DateOnly)"/>.</summary>
    internal static bool TryParseIsoDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !TryParseDigits(text[..4], out var year) || !TryParseDigits(text[5..7], out var month) || !TryParseDigits(text[8..], out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth((int)year, (int)month))
        {
            return false;
        }

        date = new DateOnly((int)year, (int)month, (int)day);
        return true;
    }

    private static string? RequiredText(string? raw, string field, string code, string message, ref RejectionList rejections)
    {
        var text = OptionalText(raw, field, ref rejections);
        if (text is null)
        {
            rejections.Add(new ConversionRejection(code, field, message));
        }

        return text;
    }

    private static string? OptionalText(string? raw, string field, ref RejectionList rejections)
    {
        var text = Blank(raw);
        if (text is not null && HasUnpairedSurrogate(text))
        {
            rejections.Add(new ConversionRejection(RejectionCodes.TextMalformed, field, RejectionMessages.TextMalformed(field)));
        }

        return text;
    }

    private static string? ItemText(string? raw, ItemPath path, string name, ref RejectionList rejections)
    {
        var text = Blank(raw);
        if (text is not null && HasUnpairedSurrogate(text))
        {
            var field = path.Field(name);
            rejections.Add(new ConversionRejection(RejectionCodes.TextMalformed, field, RejectionMessages.TextMalformed(field), path.Index));
        }

        return text;
    }

    private static string? Letters(string? raw, int length, string field, string code, ref RejectionList rejections)
    {
        var text = Blank(raw);
        if (text is null)
        {
            return null;
        }

        if (text.Length != length || !IsAsciiLetters(text))
        {
            var message = length == 3 ? RejectionMessages.CurrencyInvalid(text) : RejectionMessages.CountryInvalid(text);
            rejections.Add(new ConversionRejection(code, field, message));
            return null;
        }

        return IsAsciiUpper(text) ? text : text.ToUpperInvariant();
    }

    private static CustomerType? ParseCustomerType(string? raw, ref RejectionList rejections)
    {
        var text = Blank(raw);
        if (text is null)
        {
            return null;
        }

        if (string.Equals(text, "new", StringComparison.OrdinalIgnoreCase))
        {
            return CustomerType.New;
        }

        if (string.Equals(text, "existing", StringComparison.OrdinalIgnoreCase))
        {
            return CustomerType.Existing;
        }

        rejections.Add(new ConversionRejection(RejectionCodes.CustomerTypeInvalid, "customerType", RejectionMessages.CustomerTypeInvalid(text)));
        return null;
    }

    private static DateOnly? ParseFulfilmentDate(string? raw, ref RejectionList rejections)
    {
        var text = Blank(raw);
        if (text is null)
        {
            return null;
        }

        if (TryParseIsoDate(text, out var date)
            || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return date;
        }

        rejections.Add(new ConversionRejection(RejectionCodes.FulfilmentDateInvalid, "fulfilmentDate", RejectionMessages.FulfilmentDateInvalid(text)));
        return null;
    }

    private static DateTimeOffset? ParseConversionTime(string? raw, ref RejectionList rejections)
    {
        var text = Blank(raw);
        if (text is null)
        {
            return null;
        }

        if (TryParseConversionTime(text, out var time))
        {
            return time;
        }

        rejections.Add(new ConversionRejection(RejectionCodes.ConversionTimeInvalid, "conversionTime", RejectionMessages.ConversionTimeInvalid(text)));
        return null;
    }

    /// <summary>An ISO 8601 conversion time, already trimmed, as the whole UTC second the wire carries.</summary>
    internal static bool TryParseConversionTime(ReadOnlySpan<char> text, out DateTimeOffset time)
    {
        if (DateTimeOffset.TryParseExact(text, ConversionTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time))
        {
            time = WholeSecondsUtc(time);
            return true;
        }

        return false;
    }

    internal static DateTimeOffset WholeSecondsUtc(DateTimeOffset time)
    {
        // The wire carries whole seconds; keeping sub-seconds would make the model disagree with what was sent.
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    private static CustomParameter[] CustomParameters(IReadOnlyList<CustomParameter>? parameters, ItemPath? item, ref RejectionList rejections)
    {
        if (parameters is null || parameters.Count == 0)
        {
            return [];
        }

        var index = item?.Index;
        CustomParameter[]? kept = null;
        var count = 0;
        for (var i = 0; i < parameters.Count; i++)
        {
            var (key, raw) = parameters[i];
            key ??= string.Empty;
            if (!IsValidCustomKey(key))
            {
                rejections.Add(new ConversionRejection(RejectionCodes.CustomKeyInvalid, CustomField(item, key), RejectionMessages.CustomKeyInvalid(key), index));
                continue;
            }

            if (ParameterNames.IsStandard(key))
            {
                rejections.Add(new ConversionRejection(RejectionCodes.CustomKeyReserved, CustomField(item, key), RejectionMessages.CustomKeyReserved(key), index));
                continue;
            }

            if (IsRepeated(parameters, i))
            {
                rejections.Add(new ConversionRejection(RejectionCodes.CustomKeyDuplicate, CustomField(item, key), RejectionMessages.CustomKeyDuplicate(key), index));
                continue;
            }

            var value = Blank(raw);
            if (value is null)
            {
                continue;
            }

            if (HasUnpairedSurrogate(value))
            {
                var field = CustomField(item, key);
                rejections.Add(new ConversionRejection(RejectionCodes.TextMalformed, field, RejectionMessages.TextMalformed(field), index));
            }

            (kept ??= new CustomParameter[parameters.Count])[count++] = new CustomParameter(key, value);
        }

        if (kept is not null && count < kept.Length)
        {
            Array.Resize(ref kept, count);
        }

        return kept ?? [];
    }

    private static string CustomField(ItemPath? item, string key) =>
        item is { } path ? path.Field("custom." + key) : "custom." + key;

    private static bool IsRepeated(IReadOnlyList<CustomParameter> parameters, int index)
    {
        // Reported on the second and later occurrences, so each duplicate is named once.
        for (var i = 0; i < index; i++)
        {
            if (string.Equals(parameters[i].Key, parameters[index].Key, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsValidCustomKey(string key) =>
        key.Length is > 0 and <= MaxCustomKeyLength && !key.AsSpan().ContainsAnyExcept(CustomKeyCharacters);

    private static string? Blank(string? raw)
    {
        if (raw is null)
        {
            return null;
        }

        var trimmed = raw.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    private static bool IsAsciiLetters(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiUpper(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasUnpairedSurrogate(string text)
    {
        var span = text.AsSpan();
        var first = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0)
        {
            return false;
        }

        for (var i = first; i < span.Length;)
        {
            if (Rune.DecodeFromUtf16(span[i..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return true;
            }

            i += consumed;
        }

        return false;
    }

    /// <summary>
    /// Where an item came from: the single-item fields (<c>item</c>) or entry <see cref="Index"/> of the items array
    /// (<c>items[2]</c>). Field names are built from it only when a rejection needs one, so valid rows allocate none.
    /// </summary>
    private readonly record struct ItemPath(bool FromArray, int Index)
    {
        public string Field(string name) => string.Concat(ToString(), ".", name);

        public override string ToString() =>
            FromArray ? string.Create(CultureInfo.InvariantCulture, $"items[{Index}]") : "item";
    }

    /// <summary>
    /// A list that allocates only when the first rejection arrives: valid rows pay nothing. For mapped drafts it starts
    /// with the mapping's rejections, skips the validator's own rejection of a field mapping already reported, and
    /// names the source column of each rejection.
    /// </summary>
    private struct RejectionList
    {
        private readonly IReadOnlyList<ConversionRejection>? _mapping;
        private readonly IReadOnlyDictionary<string, string>? _columns;
        private List<ConversionRejection>? _items;

        public RejectionList(in DraftFields fields)
        {
            _columns = fields.SourceColumns;
            if (fields.MappingRejections is { Count: > 0 } mapping)
            {
                _mapping = mapping;
                _items = new List<ConversionRejection>(mapping.Count + 2);
                _items.AddRange(mapping);
            }
        }

        public readonly int Count => _items?.Count ?? 0;

        public void Add(ConversionRejection rejection)
        {
            if (_mapping is not null && IsMappingProblem(rejection.Field))
            {
                return;
            }

            if (_columns is not null && rejection.Column is null && ColumnOf(rejection.Field) is { } column)
            {
                rejection = rejection with { Column = column };
            }

            (_items ??= new List<ConversionRejection>(2)).Add(rejection);
        }

        /// <summary>Whether mapping already rejected this item field; builds the field name only for mapped drafts.</summary>
        public readonly bool IsMappingProblem(ItemPath path, string name) => _mapping is not null && IsMappingProblem(path.Field(name));

        /// <summary>Whether mapping already rejected exactly this field.</summary>
        public readonly bool IsMappingProblem(string field)
        {
            if (_mapping is null)
            {
                return false;
            }

            for (var i = 0; i < _mapping.Count; i++)
            {
                if (string.Equals(_mapping[i].Field, field, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether mapping rejected a field whose path starts with <paramref name="prefix"/>.</summary>
        public readonly bool HasMappingProblemUnder(string prefix)
        {
            if (_mapping is null)
            {
                return false;
            }

            for (var i = 0; i < _mapping.Count; i++)
            {
                if (_mapping[i].Field.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private readonly string? ColumnOf(string field)
        {
            if (_columns!.TryGetValue(field, out var column))
            {
                return column;
            }

            // Everything inside the items array ("items[2].quantity") comes from the one items column.
            if (field.StartsWith("items", StringComparison.Ordinal) && _columns.TryGetValue("items", out column))
            {
                return column;
            }

            return null;
        }

        public readonly ConversionRejection[] ToArray() => _items is null ? [] : _items.ToArray();
    }
}
