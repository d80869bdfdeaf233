using System.Globalization;
using System.Text.Json;
using Partnerize.Client.Conversions.Internal;

namespace Partnerize.Client.Mapping.Internal;

/// <summary>The messages of rows whose values cannot be read. Built only for bad rows.</summary>
internal static class MappingMessages
{
    public static string Unreadable(string source, in Cell cell, ValueRule rule, string field) =>
        $"{source} holds {Describe(cell)}, which cannot be read as {field}: expected {Expected(rule)}.";

    public static string ItemsUnreadable(string column, in Cell cell) =>
        $"Column {RejectionMessages.Quote(column)} holds {Describe(cell)}, which cannot be read as the items array: expected a JSON array of objects (text or JsonElement) or a list of dictionaries.";

    public static string ItemsNotJson(string column, string text, JsonException exception) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Column {RejectionMessages.Quote(column)} holds {RejectionMessages.Quote(text)}, which is not valid JSON (line {(exception.LineNumber ?? 0) + 1}, position {(exception.BytePositionInLine ?? 0) + 1}): expected a JSON array of item objects.");

    public static string ItemsNotArray(string column, JsonElement value) =>
        $"Column {RejectionMessages.Quote(column)} holds {RejectionMessages.Quote(value.GetRawText())} (JSON {Name(value.ValueKind)}), which is not an items array: expected a JSON array of item objects.";

    public static string ItemEntryNotObject(string column, int index, string description) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Column {RejectionMessages.Quote(column)} item {index} is {description}, not an object with the item fields.");

    public static string EntrySource(string column, int index, string key) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Column {RejectionMessages.Quote(column)} item {index} key {RejectionMessages.Quote(key)}");

    public static string ColumnSource(string column) => "Column " + RejectionMessages.Quote(column);

    /// <summary>Describes a value for a message: the value quoted with its type, or only the type for opaque objects.</summary>
    public static string Describe(in Cell cell) => cell.Kind switch
    {
        CellKind.Text => RejectionMessages.Quote(cell.Text) + " (text)",
        CellKind.Number => RejectionMessages.Quote(cell.Number.ToString(CultureInfo.InvariantCulture)) + " (number)",
        CellKind.Double => RejectionMessages.Quote(cell.Floating.ToString("R", CultureInfo.InvariantCulture)) + " (Double)",
        CellKind.Single => RejectionMessages.Quote(((float)cell.Floating).ToString("R", CultureInfo.InvariantCulture)) + " (Single)",
        CellKind.Boolean => (cell.Boolean ? "'true'" : "'false'") + " (Boolean)",
        CellKind.DateTime => RejectionMessages.Quote(cell.DateTime.ToString("O", CultureInfo.InvariantCulture)) + " (DateTime)",
        CellKind.DateOnly => RejectionMessages.Quote(cell.DateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) + " (DateOnly)",
        CellKind.DateTimeOffset => RejectionMessages.Quote(cell.Moment.ToString("O", CultureInfo.InvariantCulture)) + " (DateTimeOffset)",
        CellKind.Json => RejectionMessages.Quote(cell.Json.GetRawText()) + " (JSON " + Name(cell.Json.ValueKind) + ")",
        CellKind.Other => DescribeObject(cell.Reference!),
        _ => "nothing",
    };

    public static string DescribeObject(object value) => value switch
    {
        byte[] bytes => string.Create(CultureInfo.InvariantCulture, $"a Byte[] of {bytes.Length} bytes"),

        // Formattable values (TimeSpan, BigInteger...) can be quoted; anything else only by type, as its ToString
        // may be meaningless or huge.
        IFormattable formattable => RejectionMessages.Quote(formattable.ToString(null, CultureInfo.InvariantCulture)) + " (" + value.GetType().Name + ")",
        _ => "a value of type " + value.GetType().Name,
    };

    private static string Expected(ValueRule rule) => rule switch
    {
        ValueRule.Text => "text or a number",
        ValueRule.Number => "a number or numeric text",
        ValueRule.Date => "a date (DateOnly, DateTime, DateTimeOffset) or ISO 8601 text",
        ValueRule.DateTime => "a date and time (DateTime, DateTimeOffset, DateOnly) or ISO 8601 text",
        _ => "text, a number, a boolean or a date",
    };

    public static string Name(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };
}
