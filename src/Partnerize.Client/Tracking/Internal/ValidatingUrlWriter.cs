using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Partnerize.Client.Conversions;
using Partnerize.Client.Conversions.Internal;

namespace Partnerize.Client.Tracking.Internal;

/// <summary>
/// Writes a conversion's tracking URL straight from the values a builder or a draft holds, checking each value on the
/// way instead of creating the <see cref="Conversion"/> model first: one vectorised scan per text value decides at once
/// that it needs no trimming, no surrogate check and no escaping, and typed values (an <c>int</c> quantity, a
/// <see cref="DateOnly"/>) are written without being checked again as text.
/// </summary>
/// <remarks>
/// It takes only the valid case, and only the shapes it knows. At the first value the library's validator would reject,
/// or that it leaves to the validator (mapping rejections, a custom parameter list of an unusual type), it returns
/// <see langword="false"/> with the writer holding a partial URL, and the caller runs <see cref="DraftValidator"/>, which
/// gives the rejections (or the model) exactly as <see cref="ConversionBuilder.TryBuild"/> does. The URL it writes is
/// the one <see cref="TrackingUrlBuilder.Build(Conversion)"/> writes for the validated model, character for character:
/// the same rules in the same order (trimming, blank as absent, upper-case codes, items precedence, custom keys).
/// </remarks>
internal static class ValidatingUrlWriter
{
    private enum Text
    {
        Absent,
        Written,
        Malformed,
    }

    // What the basket writes besides the prefix and its four free-text values, at most: the keys, the codes, the longer
    // customer type, the date and the time. (Read-only rather than const, for the string lengths; the JIT reads it as a
    // constant.)
    private static readonly int BasketRoom = ("/:".Length + ParameterNames.ConversionRef.Length) + ("/:".Length + ParameterNames.ClickRef.Length)
        + ("/:".Length + ParameterNames.Currency.Length + 3) + ("/:".Length + ParameterNames.Country.Length + 2)
        + ("/:".Length + ParameterNames.CustomerType.Length + "existing".Length)
        + ("/:".Length + ParameterNames.Voucher.Length) + ("/:".Length + ParameterNames.CustomerRef.Length)
        + ("/:".Length + ParameterNames.FulfilmentDate.Length + UrlWriter.DateLength)
        + ("/:".Length + ParameterNames.ConversionTime.Length + UrlWriter.EscapedTimeLength);

    /// <summary>Appends the URL after <paramref name="prefix"/>; <see langword="false"/> when the validator must decide.</summary>
    public static bool TryWrite(ref UrlWriter writer, string prefix, in DraftFields fields)
    {
        if (fields.MappingRejections is { Count: > 0 })
        {
            return false;
        }

        // The plain basket is written in one go; any other (a value to trim or escape, a code to look at closer, or
        // something to reject) is written value by value instead.
        if (!PlainBasket(ref writer, prefix, fields) && !Basket(ref writer, prefix, fields))
        {
            return false;
        }

        if (!Custom(ref writer, fields.CustomParameters))
        {
            return false;
        }

        writer.Append('/');
        return Items(ref writer, fields);
    }

    /// <summary>
    /// Writes the prefix and the basket fields when every text value is unreserved characters only and every code and
    /// the customer type is exactly as sent: then the whole basket has a known longest length, room for it is made once,
    /// and it is written with its position in a local (see <see cref="UrlWriter.Put"/>).
    /// </summary>
    /// <returns>
    /// <see langword="false"/>, having written nothing (the writer is only advanced at the end), for any other basket,
    /// which <see cref="Basket"/> then writes or leaves to the validator.
    /// </returns>
    private static bool PlainBasket(ref UrlWriter writer, string prefix, in DraftFields fields)
    {
        var conversionRef = fields.ConversionRef;
        var clickRef = fields.ClickRef;
        var voucher = fields.Voucher;
        var customerRef = fields.CustomerRef;
        if (!IsPlain(conversionRef) || !IsPlain(clickRef) || !IsPlainOrEmpty(voucher) || !IsPlainOrEmpty(customerRef))
        {
            return false;
        }

        var destination = writer.GetSpan(prefix.Length + BasketRoom + conversionRef.Length + clickRef.Length
            + (voucher?.Length ?? 0) + (customerRef?.Length ?? 0));
        var at = UrlWriter.Put(destination, 0, prefix);
        at = UrlWriter.Put(destination, at, "/" + ParameterNames.ConversionRef + ":");
        at = UrlWriter.Put(destination, at, conversionRef);
        at = UrlWriter.Put(destination, at, "/" + ParameterNames.ClickRef + ":");
        at = UrlWriter.Put(destination, at, clickRef);
        if (fields.Currency is { } currency)
        {
            at = UrlWriter.Put(destination, at, "/" + ParameterNames.Currency + ":");
            at = PlainCode(destination, at, currency, 3);
        }

        if (at >= 0 && fields.Country is { } country)
        {
            at = UrlWriter.Put(destination, at, "/" + ParameterNames.Country + ":");
            at = PlainCode(destination, at, country, 2);
        }

        if (at < 0)
        {
            return false;
        }

        if (fields.CustomerType is { } customerType)
        {
            if (string.Equals(customerType, "new", StringComparison.Ordinal))
            {
                at = UrlWriter.Put(destination, at, "/" + ParameterNames.CustomerType + ":new");
            }
            else if (string.Equals(customerType, "existing", StringComparison.Ordinal))
            {
                at = UrlWriter.Put(destination, at, "/" + ParameterNames.CustomerType + ":existing");
            }
            else
            {
                return false;
            }
        }

        if (voucher is { Length: > 0 })
        {
            at = UrlWriter.Put(destination, at, "/" + ParameterNames.Voucher + ":");
            at = UrlWriter.Put(destination, at, voucher);
        }

        if (customerRef is { Length: > 0 })
        {
            at = UrlWriter.Put(destination, at, "/" + ParameterNames.CustomerRef + ":");
            at = UrlWriter.Put(destination, at, customerRef);
        }

        if (fields.FulfilmentDateValue is { } date || (fields.FulfilmentDate is not null && TryParseFulfilmentDate(fields.FulfilmentDate, out date)))
        {
            at = UrlWriter.Put(destination, at, "/" + ParameterNames.FulfilmentDate + ":");
            date.Deconstruct(out var year, out var month, out var day);
            UrlWriter.WriteDate(destination[at..], year, month, day);
            at += UrlWriter.DateLength;
        }
        else if (fields.FulfilmentDate is not null)
        {
            return false;
        }

        if (fields.ConversionTimeValue.HasValue || fields.ConversionTime is not null)
        {
            if (!ConversionTimeOf(fields, out var time))
            {
                return false;
            }

            at = UrlWriter.Put(destination, at, "/" + ParameterNames.ConversionTime + ":");
            UrlWriter.WriteEscapedTime(destination[at..], time.UtcDateTime);
            at += UrlWriter.EscapedTimeLength;
        }

        writer.Advance(at);
        return true;
    }

    /// <summary>Writes a code of exactly <paramref name="length"/> ASCII letters, upper-cased; -1 for any other text.</summary>
    private static int PlainCode(Span<char> destination, int at, string code, int length)
    {
        if (code.Length != length)
        {
            return -1;
        }

        var target = destination.Slice(at, length);
        for (var i = 0; i < length; i++)
        {
            var c = code[i];
            if (!char.IsAsciiLetter(c))
            {
                return -1;
            }

            // Upper case for an ASCII letter: the one bit that differs.
            target[i] = (char)(c & ~0x20);
        }

        return at + length;
    }

    private static bool TryParseFulfilmentDate(string raw, out DateOnly date)
    {
        date = default;
        return TryTrim(raw, out var text) && DraftValidator.TryParseIsoDate(text, out date);
    }

    private static bool ConversionTimeOf(in DraftFields fields, out DateTimeOffset time)
    {
        if (fields.ConversionTimeValue is { } value)
        {
            time = DraftValidator.WholeSecondsUtc(value);
            return true;
        }

        time = default;
        return TryTrim(fields.ConversionTime, out var text) && DraftValidator.TryParseConversionTime(text, out time);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPlain([NotNullWhen(true)] string? raw) =>
        raw is { Length: > 0 } && !raw.AsSpan().ContainsAnyExcept(PercentEncoding.Unreserved);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPlainOrEmpty(string? raw) =>
        raw is null || !raw.AsSpan().ContainsAnyExcept(PercentEncoding.Unreserved);

    /// <summary>Appends the prefix and the basket fields value by value, trimming and escaping as needed.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool Basket(ref UrlWriter writer, string prefix, in DraftFields fields)
    {
        writer.Append(prefix);
        return Segment(ref writer, "/" + ParameterNames.ConversionRef + ":", fields.ConversionRef) == Text.Written
            && Segment(ref writer, "/" + ParameterNames.ClickRef + ":", fields.ClickRef) == Text.Written
            && Code(ref writer, "/" + ParameterNames.Currency + ":", fields.Currency, 3)
            && Code(ref writer, "/" + ParameterNames.Country + ":", fields.Country, 2)
            && CustomerType(ref writer, fields.CustomerType)
            && Segment(ref writer, "/" + ParameterNames.Voucher + ":", fields.Voucher) != Text.Malformed
            && Segment(ref writer, "/" + ParameterNames.CustomerRef + ":", fields.CustomerRef) != Text.Malformed
            && FulfilmentDate(ref writer, fields)
            && ConversionTime(ref writer, fields);
    }

    private static bool Items(ref UrlWriter writer, in DraftFields fields)
    {
        // Contract 1.5: a non-empty array wins; an empty or absent one falls back to the single-item fields.
        if (fields.Items is { Count: > 0 } drafts)
        {
            for (var i = 0; i < drafts.Count; i++)
            {
                if (!Item(ref writer, drafts[i]))
                {
                    return false;
                }
            }

            return true;
        }

        if (fields.ItemEntries is { Count: > 0 } list)
        {
            foreach (ref readonly var entry in CollectionsMarshal.AsSpan(list))
            {
                if (!(entry.IsTyped ? TypedItem(ref writer, entry) : Item(ref writer, entry.Draft)))
                {
                    return false;
                }
            }

            return true;
        }

        // No item at all is rejected (items_missing): the validator says so.
        return fields.Item is { HasAnyValue: true } single && Item(ref writer, single);
    }

    // What a typed item writes besides its category and SKU, at most: the keys, the brackets, the value and the quantity.
    // (Read-only rather than const, for the string lengths; the JIT reads it as a constant.)
    private static readonly int TypedItemRoom = ("[:".Length + ParameterNames.Category.Length) + ("/:".Length + ParameterNames.Sku.Length)
        + ("/:".Length + ParameterNames.Value.Length + UrlWriter.MaxDecimalLength)
        + ("/:".Length + ParameterNames.Quantity.Length + UrlWriter.MaxIntLength) + "]".Length;

    private static bool TypedItem(ref UrlWriter writer, in ItemEntry entry)
    {
        // The usual item: a category and a SKU of unreserved characters only, so nothing to trim or escape, and the whole
        // group has a known longest length. Room for it is made once and the group is written with its position in a
        // local, not through the writer's fields in memory (see UrlWriter.Put).
        var category = entry.Category;
        var sku = entry.Sku;
        if (category is null || category.Length == 0 || category.AsSpan().ContainsAnyExcept(PercentEncoding.Unreserved)
            || (sku is not null && sku.AsSpan().ContainsAnyExcept(PercentEncoding.Unreserved)))
        {
            return TypedItemToEscape(ref writer, entry);
        }

        if (entry.Quantity < 1)
        {
            return false;
        }

        var destination = writer.GetSpan(TypedItemRoom + category.Length + (sku?.Length ?? 0));
        var at = UrlWriter.Put(destination, 0, "[" + ParameterNames.Category + ":");
        at = UrlWriter.Put(destination, at, category);
        if (sku is { Length: > 0 })
        {
            at = UrlWriter.Put(destination, at, "/" + ParameterNames.Sku + ":");
            at = UrlWriter.Put(destination, at, sku);
        }

        if (entry.Value is { } value)
        {
            at = UrlWriter.Put(destination, at, "/" + ParameterNames.Value + ":");
            var written = UrlWriter.WriteDecimal(destination[at..], value);
            if (written < 0)
            {
                // Below zero: the validator rejects it.
                return false;
            }

            at += written;
        }

        at = UrlWriter.Put(destination, at, "/" + ParameterNames.Quantity + ":");
        at = UrlWriter.WriteNonNegative(destination, at, entry.Quantity);
        destination[at++] = ']';
        writer.Advance(at);
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TypedItemToEscape(ref UrlWriter writer, in ItemEntry entry)
    {
        if (entry.Quantity < 1 || (entry.Value is { } given && IsBelowZero(given))
            || Segment(ref writer, "[" + ParameterNames.Category + ":", entry.Category) != Text.Written
            || Segment(ref writer, "/" + ParameterNames.Sku + ":", entry.Sku) == Text.Malformed)
        {
            return false;
        }

        if (entry.Value is { } value)
        {
            writer.Append("/" + ParameterNames.Value + ":");
            writer.AppendDecimal(value);
        }

        writer.Append("/" + ParameterNames.Quantity + ":");
        writer.AppendNonNegative(entry.Quantity);
        writer.Append(']');
        return true;
    }

    private static bool Item(ref UrlWriter writer, ConversionItemDraft? draft)
    {
        if (draft is null
            || !TryTrim(draft.Quantity, out var quantityText) || !DraftValidator.TryParseQuantity(quantityText, out var quantity)
            || Segment(ref writer, "[" + ParameterNames.Category + ":", draft.Category) != Text.Written
            || Segment(ref writer, "/" + ParameterNames.Sku + ":", draft.Sku) == Text.Malformed)
        {
            return false;
        }

        if (draft.Number is { } number)
        {
            if (IsBelowZero(number))
            {
                return false;
            }

            writer.Append("/" + ParameterNames.Value + ":");
            writer.AppendDecimal(number);
        }
        else if (TryTrim(draft.Value, out var valueText))
        {
            if (!DraftValidator.TryParseValue(valueText, out var value))
            {
                return false;
            }

            writer.Append("/" + ParameterNames.Value + ":");
            writer.AppendDecimal(value);
        }

        writer.Append("/" + ParameterNames.Quantity + ":");
        writer.AppendNonNegative(quantity);
        if (!Custom(ref writer, draft.CustomParameters))
        {
            return false;
        }

        writer.Append(']');
        return true;
    }

    private static bool Custom(ref UrlWriter writer, IReadOnlyList<CustomParameter>? parameters)
    {
        if (parameters is null || parameters.Count == 0)
        {
            return true;
        }

        // A builder's list or a draft's array, read as a span; any other list is left to the validator.
        ReadOnlySpan<CustomParameter> span;
        if (parameters is List<CustomParameter> list)
        {
            span = CollectionsMarshal.AsSpan(list);
        }
        else if (parameters is CustomParameter[] array)
        {
            span = array;
        }
        else
        {
            return false;
        }

        for (var i = 0; i < span.Length; i++)
        {
            var (key, value) = span[i];
            if (key is null || !DraftValidator.IsValidCustomKey(key) || ParameterNames.IsStandard(key) || IsRepeated(span, i))
            {
                return false;
            }

            // A valid key is letters, digits and '_': nothing to escape. A blank value leaves the parameter out.
            if (CustomSegment(ref writer, key, value) == Text.Malformed)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsRepeated(ReadOnlySpan<CustomParameter> parameters, int index)
    {
        var key = parameters[index].Key;
        for (var i = 0; i < index; i++)
        {
            if (string.Equals(parameters[i].Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Code(ref UrlWriter writer, string keyWithSeparators, string? raw, int length)
    {
        if (!TryTrim(raw, out var code))
        {
            return true;
        }

        if (code.Length != length)
        {
            return false;
        }

        writer.Append(keyWithSeparators);
        var destination = writer.GetSpan(length);
        for (var i = 0; i < length; i++)
        {
            var c = code[i];
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }

            // Upper case for an ASCII letter: the one bit that differs.
            destination[i] = (char)(c & ~0x20);
        }

        writer.Advance(length);
        return true;
    }

    private static bool CustomerType(ref UrlWriter writer, string? raw)
    {
        // As ConversionBuilder.CustomerType(CustomerType?) writes it: no trimming, no case to ignore.
        if (string.Equals(raw, "new", StringComparison.Ordinal))
        {
            writer.Append("/" + ParameterNames.CustomerType + ":new");
            return true;
        }

        if (!TryTrim(raw, out var text))
        {
            return true;
        }

        if (text.Equals("new", StringComparison.OrdinalIgnoreCase))
        {
            writer.Append("/" + ParameterNames.CustomerType + ":new");
            return true;
        }

        if (text.Equals("existing", StringComparison.OrdinalIgnoreCase))
        {
            writer.Append("/" + ParameterNames.CustomerType + ":existing");
            return true;
        }

        return false;
    }

    private static bool FulfilmentDate(ref UrlWriter writer, in DraftFields fields)
    {
        DateOnly date;
        if (fields.FulfilmentDateValue is { } value)
        {
            date = value;
        }
        else if (!TryTrim(fields.FulfilmentDate, out var text))
        {
            return true;
        }
        else if (!DraftValidator.TryParseIsoDate(text, out date))
        {
            // Not plain yyyy-MM-dd: the validator's general parser decides.
            return false;
        }

        writer.Append("/" + ParameterNames.FulfilmentDate + ":");
        writer.AppendDate(date);
        return true;
    }

    private static bool ConversionTime(ref UrlWriter writer, in DraftFields fields)
    {
        DateTimeOffset time;
        if (fields.ConversionTimeValue is { } value)
        {
            time = DraftValidator.WholeSecondsUtc(value);
        }
        else if (!TryTrim(fields.ConversionTime, out var text))
        {
            return true;
        }
        else if (!DraftValidator.TryParseConversionTime(text, out time))
        {
            return false;
        }

        writer.Append("/" + ParameterNames.ConversionTime + ":");
        writer.AppendEscapedTime(time.UtcDateTime);
        return true;
    }

    /// <summary>Appends a parameter when its value is not blank; nothing when it is.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Text Segment(ref UrlWriter writer, string keyWithSeparators, string? raw)
    {
        // The usual value (an order ID, a SKU, a code) is all unreserved characters: no white space to trim, no
        // surrogate, nothing to escape. One scan says so, and it is copied as it is.
        if (raw is not null && raw.Length != 0)
        {
            var next = raw.AsSpan().IndexOfAnyExcept(PercentEncoding.Unreserved);
            if (next < 0)
            {
                writer.Append(keyWithSeparators);
                writer.Append(raw);
                return Text.Written;
            }

            return SegmentToEscape(ref writer, keyWithSeparators, raw, next);
        }

        return Text.Absent;
    }

    /// <summary>Appends a custom parameter when its value is not blank; nothing when it is.</summary>
    private static Text CustomSegment(ref UrlWriter writer, string key, string? raw)
    {
        if (raw is not null && raw.Length != 0)
        {
            var next = raw.AsSpan().IndexOfAnyExcept(PercentEncoding.Unreserved);
            if (next < 0)
            {
                // One room check, and the position in a local (see UrlWriter.Put).
                var destination = writer.GetSpan(key.Length + raw.Length + "/:".Length);
                destination[0] = '/';
                var at = UrlWriter.Put(destination, 1, key);
                destination[at++] = ':';
                writer.Advance(UrlWriter.Put(destination, at, raw));
                return Text.Written;
            }

            var mark = writer.Length;
            writer.Append('/');
            writer.Append(key);
            writer.Append(':');
            var text = Escaped(ref writer, raw, next);
            if (text == Text.Absent)
            {
                writer.Rewind(mark);
            }

            return text;
        }

        return Text.Absent;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Text SegmentToEscape(ref UrlWriter writer, string keyWithSeparators, string raw, int next)
    {
        var mark = writer.Length;
        writer.Append(keyWithSeparators);
        var text = Escaped(ref writer, raw, next);
        if (text == Text.Absent)
        {
            writer.Rewind(mark);
        }

        return text;
    }

    /// <summary>Appends a text value that is not all unreserved characters, trimmed and escaped, checking it is well-formed.</summary>
    private static Text Escaped(ref UrlWriter writer, string raw, int next)
    {
        var trimmed = raw.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return Text.Absent;
        }

        // An unreserved first character is not white space, so nothing was trimmed before the one found; otherwise look
        // again in what is left.
        next = next > 0 ? next : trimmed.IndexOfAnyExcept(PercentEncoding.Unreserved);
        return PercentEncoding.AppendWellFormed(ref writer, trimmed, next) ? Text.Written : Text.Malformed;
    }

    /// <summary>The text trimmed, and whether anything is left (blank text counts as absent).</summary>
    private static bool TryTrim(string? raw, out ReadOnlySpan<char> text)
    {
        text = raw.AsSpan().Trim();
        return !text.IsEmpty;
    }

    /// <summary>Whether a value is rejected as negative: a negative zero is not (it is written as a zero, as the validator keeps it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsBelowZero(decimal value) => decimal.IsNegative(value) && value != 0;
}
