using System.Globalization;
using System.Text.Json;

namespace Partnerize.Client.Mapping.Internal;

/// <summary>
/// Turns a source value into the text a <see cref="Conversions.ConversionDraft"/> holds, with the invariant culture.
/// Text passes through as it came, so that the validator can quote it when it breaks a rule; only values of a type
/// that cannot mean the field (a date where a number is expected, a byte array...) fail here.
/// </summary>
internal static class CellConverter
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string RoundTripFormat = "O";

    // ISO 8601 date and time as warehouses write it ('T' or a space, optional fraction and offset).
    private static readonly string[] IsoDateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mmK",
    ];

    /// <summary>Converts <paramref name="cell"/> for a field of the given rule.</summary>
    /// <returns><see langword="false"/> when the value's type cannot feed such a field.</returns>
    public static bool TryConvert(in Cell cell, ValueRule rule, out string? text)
    {
        text = null;
        switch (cell.Kind)
        {
            case CellKind.Missing or CellKind.Null:
                return true;
            case CellKind.Text:
                text = rule == ValueRule.Date ? DateFromText(cell.Text) : cell.Text;
                return true;
            case CellKind.Number when IsNumeric(rule):
                text = cell.Number.ToString(CultureInfo.InvariantCulture);
                return true;
            case CellKind.Double when IsNumeric(rule) && double.IsFinite(cell.Floating):
                text = FormatFloating(cell.Floating.ToString("R", CultureInfo.InvariantCulture));
                return true;
            case CellKind.Single when IsNumeric(rule) && double.IsFinite(cell.Floating):
                text = FormatFloating(((float)cell.Floating).ToString("R", CultureInfo.InvariantCulture));
                return true;
            case CellKind.Boolean when rule == ValueRule.Custom:
                text = cell.Boolean ? "true" : "false";
                return true;
            case CellKind.DateOnly:
                return TryDate(cell.DateTime, isDateOnly: true, rule, out text);
            case CellKind.DateTime:
                return TryDate(cell.DateTime, isDateOnly: false, rule, out text);
            case CellKind.DateTimeOffset:
                return TryMoment(cell.Moment, rule, out text);
            case CellKind.Json:
                return TryJson(cell.Json, rule, out text);
            default:
                return false;
        }
    }

    private static bool IsNumeric(ValueRule rule) => rule is ValueRule.Text or ValueRule.Number or ValueRule.Custom;

    private static bool TryDate(DateTime value, bool isDateOnly, ValueRule rule, out string? text)
    {
        switch (rule)
        {
            case ValueRule.Date:
                text = value.ToString(DateFormat, CultureInfo.InvariantCulture);
                return true;
            case ValueRule.DateTime:
                text = value.ToString(RoundTripFormat, CultureInfo.InvariantCulture);
                return true;
            case ValueRule.Custom:
                // A DATE column often arrives as a DateTime at midnight: send it as the date it is (check_in_date).
                var isDate = isDateOnly || (value.TimeOfDay == TimeSpan.Zero && value.Kind != DateTimeKind.Utc);
                text = value.ToString(isDate ? DateFormat : RoundTripFormat, CultureInfo.InvariantCulture);
                return true;
            default:
                text = null;
                return false;
        }
    }

    private static bool TryMoment(DateTimeOffset value, ValueRule rule, out string? text)
    {
        switch (rule)
        {
            case ValueRule.Date:
                // The date as written in its own offset: converting to UTC could move it to another day.
                text = value.ToString(DateFormat, CultureInfo.InvariantCulture);
                return true;
            case ValueRule.DateTime or ValueRule.Custom:
                text = value.ToString(RoundTripFormat, CultureInfo.InvariantCulture);
                return true;
            default:
                text = null;
                return false;
        }
    }

    private static bool TryJson(JsonElement value, ValueRule rule, out string? text)
    {
        text = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var raw = value.GetString()!;
                text = rule == ValueRule.Date ? DateFromText(raw) : raw;
                return true;
            case JsonValueKind.Number when IsNumeric(rule):
                text = FormatFloating(value.GetRawText());
                return true;
            case JsonValueKind.True or JsonValueKind.False when rule == ValueRule.Custom:
                text = value.ValueKind == JsonValueKind.True ? "true" : "false";
                return true;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return true;
            default:
                return false;
        }
    }

    /// <summary>Writes a number without an exponent where a decimal can hold it (<c>1E-07</c> becomes <c>0.0000001</c>).</summary>
    private static string FormatFloating(string roundTrip)
    {
        if (roundTrip.AsSpan().IndexOfAny('E', 'e') < 0)
        {
            return roundTrip;
        }

        // Too large for a decimal: the text keeps its exponent and the validator rejects it with the value quoted.
        return decimal.TryParse(roundTrip, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number.ToString(CultureInfo.InvariantCulture)
            : roundTrip;
    }

    /// <summary>Keeps a date date-only; cuts an ISO date and time to its date, as written; leaves anything else to the validator.</summary>
    private static string DateFromText(string raw)
    {
        var trimmed = raw.AsSpan().Trim();
        if (trimmed.Length <= DateFormat.Length)
        {
            return raw;
        }

        return DateTimeOffset.TryParseExact(trimmed, IsoDateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
            ? moment.ToString(DateFormat, CultureInfo.InvariantCulture)
            : raw;
    }
}
