using System.Globalization;
using System.Text;

namespace Partnerize.Client.Conversions.Internal;

/// <summary>The rejection messages. The first four are the product brief's, character for character.</summary>
internal static class RejectionMessages
{
    public const string ConversionRefMissing = "A conversion reference (order ID) is required for every Partnerize conversion.";
    public const string ClickRefMissing = "A click reference is required to attribute a Partnerize conversion.";
    public const string ItemFieldMissingPrefix = "Conversion item is missing required field(s): ";
    public const string ItemsMissing = "Each conversion must include at least one item with a category and quantity.";

    private const int MaxQuotedLength = 64;

    public static string QuantityInvalid(string raw) =>
        $"Item quantity must be a whole number of 1 or more; got {Quote(raw)}.";

    public static string ValueInvalid(string raw) =>
        $"Item value must be a number of 0 or more, without currency symbols, thousands separators or exponent; got {Quote(raw)}.";

    public static string CurrencyInvalid(string raw) =>
        $"Currency must be a three-letter ISO 4217 code such as USD; got {Quote(raw)}.";

    public static string CountryInvalid(string raw) =>
        $"Country must be a two-letter ISO 3166-1 alpha-2 code such as US; got {Quote(raw)}.";

    public static string CustomerTypeInvalid(string raw) =>
        $"Customer type must be 'new' or 'existing'; got {Quote(raw)}.";

    public static string FulfilmentDateInvalid(string raw) =>
        $"Fulfilment date must be a real calendar date written YYYY-MM-DD; got {Quote(raw)}.";

    public static string ConversionTimeInvalid(string raw) =>
        $"Conversion time must be an ISO 8601 date and time such as 2024-05-01T13:45:00Z (UTC is assumed without an offset); got {Quote(raw)}.";

    public static string CustomKeyInvalid(string key) =>
        $"Custom parameter key {Quote(key)} is not valid: use 1 to 64 letters, digits or underscores.";

    public static string CustomKeyReserved(string key) =>
        $"Custom parameter key {Quote(key)} is a standard Partnerize parameter name; map that field directly or choose another key.";

    public static string CustomKeyDuplicate(string key) =>
        $"Custom parameter key {Quote(key)} is given more than once at the same level.";

    public static string TextMalformed(string field) =>
        $"The {field} text holds an unpaired UTF-16 surrogate, which cannot be encoded; fix the source text.";

    public static string UrlTooLong(int length, int maximum) =>
        string.Create(CultureInfo.InvariantCulture,
            $"The tracking URL would be {length:N0} characters long, over the maximum of {maximum:N0} (PartnerizeOptions.MaxUrlLength); shorten the longest fields or split the items over several conversions.");

    /// <summary>
    /// Quotes a value for a message: control characters and unpaired surrogates made visible as <c>\uXXXX</c>, long
    /// values shortened without cutting a surrogate pair in two (a message must itself be valid UTF-16).
    /// </summary>
    public static string Quote(string raw)
    {
        var builder = new StringBuilder(Math.Min(raw.Length, MaxQuotedLength) + 8);
        builder.Append('\'');
        for (var i = 0; i < raw.Length; i++)
        {
            var pair = char.IsSurrogatePair(raw, i);
            if (i + (pair ? 2 : 1) > MaxQuotedLength)
            {
                builder.Append('…');
                break;
            }

            var c = raw[i];
            if (pair)
            {
                builder.Append(c).Append(raw[++i]);
            }
            else if (char.IsControl(c) || char.IsSurrogate(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('\'').ToString();
    }
}
