using System.Text;
using Partnerize.Client.Conversions;

namespace Partnerize.Client.Testing;

/// <summary>
/// A strict parser of Partnerize.Client's tracking URL grammar, for tests: it accepts exactly what
/// <c>TrackingUrlBuilder</c> is allowed to produce and names the first deviation otherwise.
/// </summary>
/// <remarks>
/// Checked: the fixed prefix <c>/conversion/tracking_mode:api/campaign:{id}</c>; <c>key:value</c> segments whose
/// characters are unreserved or upper-case <c>%XX</c> escapes of valid UTF-8 (never of an unreserved character); no
/// empty value and no repeated key; custom keys of 1 to 64 letters, digits or underscores;
/// <c>conversionref</c> and <c>clickref</c> first, the optional basket fields in the contract's order, custom
/// parameters after them; then <c>/</c> and one <c>[...]</c> group per item with <c>category</c>, <c>sku</c>,
/// <c>value</c>, <c>quantity</c> in that order (category and quantity required) and item custom parameters last;
/// no query string and no fragment.
/// </remarks>
public static class TrackingUrlParser
{
    private const string Prefix = "/conversion/" + ParameterNames.TrackingMode + ":api/";

    private static readonly string[] BasketOrder =
    [
        ParameterNames.ConversionRef, ParameterNames.ClickRef, ParameterNames.Currency, ParameterNames.Country,
        ParameterNames.CustomerType, ParameterNames.Voucher, ParameterNames.CustomerRef, ParameterNames.FulfilmentDate,
        ParameterNames.ConversionTime,
    ];

    private static readonly string[] ItemOrder = [ParameterNames.Category, ParameterNames.Sku, ParameterNames.Value, ParameterNames.Quantity];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses an absolute tracking URL or its path (as a server receives it in the request target).</summary>
    /// <param name="url">The URL or path, escaped as sent.</param>
    /// <returns>The parsed URL.</returns>
    /// <exception cref="TrackingUrlFormatException">The URL does not follow the grammar; the message says where.</exception>
    public static ParsedTrackingUrl Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return TryParse(url, out var parsed, out var error) ? parsed! : throw new TrackingUrlFormatException(error!);
    }

    /// <summary>Parses a tracking URL without throwing.</summary>
    /// <param name="url">The URL or path, escaped as sent.</param>
    /// <param name="parsed">The parsed URL, when the result is <see langword="true"/>.</param>
    /// <param name="error">What is wrong, when the result is <see langword="false"/>.</param>
    /// <returns>Whether the URL follows the grammar.</returns>
    public static bool TryParse(string url, out ParsedTrackingUrl? parsed, out string? error)
    {
        ArgumentNullException.ThrowIfNull(url);
        parsed = null;
        error = Parse(url, ref parsed);
        return error is null;
    }

    private static string? Parse(string url, ref ParsedTrackingUrl? parsed)
    {
        var path = url;
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0)
        {
            var pathStart = url.IndexOf('/', schemeEnd + 3);
            path = pathStart < 0 ? string.Empty : url[pathStart..];
        }

        if (path.Contains('?', StringComparison.Ordinal) || path.Contains('#', StringComparison.Ordinal))
        {
            return "A tracking URL has no query string or fragment.";
        }

        var prefixAt = path.IndexOf(Prefix, StringComparison.Ordinal);
        if (prefixAt < 0)
        {
            return $"The path does not contain '{Prefix}'.";
        }

        var rest = path[(prefixAt + Prefix.Length)..];
        var itemsAt = rest.IndexOf("/[", StringComparison.Ordinal);
        if (itemsAt < 0)
        {
            return "The URL has no item group: expected '/[category:...]' after the basket.";
        }

        var basketSegments = rest[..itemsAt].Split('/');
        var campaignError = Token(basketSegments[0], "campaign", out var campaign);
        if (campaignError is not null)
        {
            return campaignError;
        }

        var parameters = new List<KeyValuePair<string, string>>();
        string? error = ParseSegments(basketSegments.AsSpan(1), "basket", parameters);
        error ??= CheckOrder(parameters, BasketOrder, "basket", [ParameterNames.ConversionRef, ParameterNames.ClickRef]);
        if (error is not null)
        {
            return error;
        }

        var groups = rest[(itemsAt + 1)..];
        var items = new List<IReadOnlyList<KeyValuePair<string, string>>>();
        var position = 0;
        while (position < groups.Length)
        {
            if (groups[position] != '[')
            {
                return $"Item group {items.Count} does not start with '[' (found '{groups[position]}').";
            }

            var close = groups.IndexOf(']', position);
            if (close < 0)
            {
                return $"Item group {items.Count} is not closed with ']'.";
            }

            var where = $"item {items.Count}";
            var itemParameters = new List<KeyValuePair<string, string>>();
            error = ParseSegments(groups[(position + 1)..close].Split('/'), where, itemParameters);
            error ??= CheckOrder(itemParameters, ItemOrder, where, [ParameterNames.Category, ParameterNames.Quantity]);
            if (error is not null)
            {
                return error;
            }

            items.Add(itemParameters);
            position = close + 1;
        }

        parsed = new ParsedTrackingUrl(campaign!, parameters, items);
        return null;
    }

    private static string? ParseSegments(ReadOnlySpan<string> segments, string where, List<KeyValuePair<string, string>> into)
    {
        foreach (var segment in segments)
        {
            var colon = segment.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return $"Segment '{segment}' in the {where} is not of the form key:value.";
            }

            string? value = null;
            var error = Decode(segment[..colon], out var key) ?? Decode(segment[(colon + 1)..], out value);
            if (error is not null)
            {
                return $"Segment '{segment}' in the {where}: {error}";
            }

            if (value!.Length == 0)
            {
                return $"Parameter '{key}' in the {where} has an empty value; absent fields must be left out.";
            }

            if (into.Exists(p => p.Key == key))
            {
                return $"Parameter '{key}' appears twice in the {where}.";
            }

            into.Add(new KeyValuePair<string, string>(key!, value));
        }

        return null;
    }

    private static string? Token(string segment, string expectedKey, out string? value)
    {
        value = null;
        var colon = segment.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || segment[..colon] != expectedKey)
        {
            return $"Expected '{expectedKey}:' but found '{segment}'.";
        }

        var error = Decode(segment[(colon + 1)..], out value);
        return error ?? (value!.Length == 0 ? $"'{expectedKey}' is empty." : null);
    }

    private static string? CheckOrder(List<KeyValuePair<string, string>> parameters, string[] order, string where, string[] required)
    {
        var last = -1;
        var sawCustom = false;
        foreach (var (key, _) in parameters)
        {
            var index = Array.IndexOf(order, key);
            if (index < 0)
            {
                if (ParameterNames.IsStandard(key))
                {
                    return $"Standard parameter '{key}' does not belong in the {where}.";
                }

                if (!IsCustomKey(key))
                {
                    return $"'{key}' in the {where} is not a valid custom parameter key: 1 to 64 letters, digits or underscores.";
                }

                sawCustom = true;
                continue;
            }

            if (sawCustom)
            {
                return $"Standard parameter '{key}' comes after a custom parameter in the {where}.";
            }

            if (index < last)
            {
                return $"Parameter '{key}' is out of order in the {where}.";
            }

            last = index;
        }

        foreach (var name in required)
        {
            if (!parameters.Exists(p => p.Key == name))
            {
                return $"The {where} has no '{name}'.";
            }
        }

        return null;
    }

    private static string? Decode(string escaped, out string? decoded)
    {
        decoded = null;
        var bytes = new List<byte>(escaped.Length);
        for (var i = 0; i < escaped.Length; i++)
        {
            var c = escaped[i];
            if (c == '%')
            {
                if (i + 2 >= escaped.Length || !IsUpperHex(escaped[i + 1]) || !IsUpperHex(escaped[i + 2]))
                {
                    return $"'%' at {i} is not followed by two upper-case hex digits.";
                }

                var b = Convert.ToByte(escaped.Substring(i + 1, 2), 16);
                if (IsUnreserved((char)b))
                {
                    return $"'%{escaped.Substring(i + 1, 2)}' at {i} escapes the unreserved character '{(char)b}', which is sent as is.";
                }

                bytes.Add(b);
                i += 2;
            }
            else if (IsUnreserved(c))
            {
                bytes.Add((byte)c);
            }
            else
            {
                return $"character '{c}' (U+{(int)c:X4}) at {i} should have been percent-encoded.";
            }
        }

        try
        {
            decoded = StrictUtf8.GetString(bytes.ToArray());
            return null;
        }
        catch (DecoderFallbackException)
        {
            return "the escapes do not decode as UTF-8.";
        }
    }

    private static bool IsUpperHex(char c) => char.IsAsciiDigit(c) || c is >= 'A' and <= 'F';

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';

    private static bool IsCustomKey(string key) => key.Length is >= 1 and <= 64 && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
