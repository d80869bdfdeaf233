using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Partnerize.Client.Mapping.Internal;

/// <summary>
/// Reads mapping JSON into a <see cref="MappingDocument"/>, collecting every unknown entry and every value of the wrong
/// JSON type (named in the mapping's own words, with its line and position) before the mapping rules run.
/// </summary>
/// <remarks>
/// Walked with a <see cref="Utf8JsonReader"/> rather than deserialized: the serializer stops at the first unknown or
/// mistyped entry, which would hide the file's other problems, while docs/mapping.md promises all of them at once. This
/// mirrors <see cref="MappingConfigurationReader"/>, the reader of the same shape from configuration.
/// </remarks>
internal static class MappingJson
{
    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly string[] RootEntries =
    [
        "conversionRef", "clickRef", "item", "items", "currency", "country", "customerType", "voucher", "customerRef",
        "fulfilmentDate", "conversionTime", "custom",
    ];

    private static readonly string[] ItemEntries = ["category", "quantity", "value", "sku"];

    private static readonly string[] ItemsEntries = ["column", "category", "quantity", "value", "sku", "custom"];

    private const string ColumnName = "a column name (a JSON string)";
    private const string KeyName = "a key name (a JSON string)";

    public static ConversionMappingException NotJson(JsonException exception) =>
        new([new ConversionMappingError("json", "The mapping is not valid JSON" + Position(exception) + ".")], exception);

    /// <summary>Reads and checks mapping JSON text; throws a <see cref="ConversionMappingException"/> listing every problem.</summary>
    public static ConversionMapping Compile(string json) => Compile(Encoding.UTF8.GetBytes(json));

    /// <summary>Reads and checks UTF-8 mapping JSON (a byte order mark is skipped).</summary>
    public static ConversionMapping Compile(ReadOnlyMemory<byte> utf8Json)
    {
        if (utf8Json.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8Json = utf8Json[Encoding.UTF8.Preamble.Length..];
        }

        // Syntax first, so that text that is not JSON gets one clear error with its position.
        JsonValueKind rootKind;
        try
        {
            using var document = JsonDocument.Parse(utf8Json, DocumentOptions);
            rootKind = document.RootElement.ValueKind;
        }
        catch (JsonException exception)
        {
            throw NotJson(exception);
        }

        if (rootKind != JsonValueKind.Object)
        {
            throw new ConversionMappingException([new ConversionMappingError("mapping",
                $"The mapping must be a JSON object with conversionRef, clickRef and the other fields; got a JSON {MappingMessages.Name(rootKind)}.")]);
        }

        var errors = new List<ConversionMappingError>();
        var text = utf8Json.Span;
        var reader = new Utf8JsonReader(text, ReaderOptions);
        reader.Read();
        var mapping = new MappingDocument();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            switch (name.ToUpperInvariant())
            {
                case "CONVERSIONREF": mapping.ConversionRef = Scalar(ref reader, text, "conversionRef", ColumnName, errors); break;
                case "CLICKREF": mapping.ClickRef = Scalar(ref reader, text, "clickRef", ColumnName, errors); break;
                case "CURRENCY": mapping.Currency = Scalar(ref reader, text, "currency", ColumnName, errors); break;
                case "COUNTRY": mapping.Country = Scalar(ref reader, text, "country", ColumnName, errors); break;
                case "CUSTOMERTYPE": mapping.CustomerType = Scalar(ref reader, text, "customerType", ColumnName, errors); break;
                case "VOUCHER": mapping.Voucher = Scalar(ref reader, text, "voucher", ColumnName, errors); break;
                case "CUSTOMERREF": mapping.CustomerRef = Scalar(ref reader, text, "customerRef", ColumnName, errors); break;
                case "FULFILMENTDATE": mapping.FulfilmentDate = Scalar(ref reader, text, "fulfilmentDate", ColumnName, errors); break;
                case "CONVERSIONTIME": mapping.ConversionTime = Scalar(ref reader, text, "conversionTime", ColumnName, errors); break;
                case "ITEM": mapping.Item = ReadItem(ref reader, text, errors); break;
                case "ITEMS": mapping.Items = ReadItems(ref reader, text, errors); break;
                case "CUSTOM": mapping.Custom = ReadCustom(ref reader, text, "custom", ColumnName, errors); break;
                default: Unknown(ref reader, text, name, string.Empty, RootEntries, errors); break;
            }
        }

        return MappingCompiler.Compile(mapping, errors);
    }

    private static SingleItemDocument? ReadItem(ref Utf8JsonReader reader, ReadOnlySpan<byte> text, List<ConversionMappingError> errors)
    {
        if (!StartObject(ref reader, text, "item", errors))
        {
            return null;
        }

        var item = new SingleItemDocument();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            switch (name.ToUpperInvariant())
            {
                case "CATEGORY": item.Category = Scalar(ref reader, text, "item.category", ColumnName, errors); break;
                case "QUANTITY": item.Quantity = Scalar(ref reader, text, "item.quantity", ColumnName, errors); break;
                case "VALUE": item.Value = Scalar(ref reader, text, "item.value", ColumnName, errors); break;
                case "SKU": item.Sku = Scalar(ref reader, text, "item.sku", ColumnName, errors); break;
                default: Unknown(ref reader, text, name, "item", ItemEntries, errors); break;
            }
        }

        return item;
    }

    private static ItemsDocument? ReadItems(ref Utf8JsonReader reader, ReadOnlySpan<byte> text, List<ConversionMappingError> errors)
    {
        if (!StartObject(ref reader, text, "items", errors))
        {
            return null;
        }

        var items = new ItemsDocument();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            switch (name.ToUpperInvariant())
            {
                case "COLUMN": items.Column = Scalar(ref reader, text, "items.column", ColumnName, errors); break;
                case "CATEGORY": items.Category = Scalar(ref reader, text, "items.category", KeyName, errors); break;
                case "QUANTITY": items.Quantity = Scalar(ref reader, text, "items.quantity", KeyName, errors); break;
                case "VALUE": items.Value = Scalar(ref reader, text, "items.value", KeyName, errors); break;
                case "SKU": items.Sku = Scalar(ref reader, text, "items.sku", KeyName, errors); break;
                case "CUSTOM": items.Custom = ReadCustom(ref reader, text, "items.custom", KeyName, errors); break;
                default: Unknown(ref reader, text, name, "items", ItemsEntries, errors); break;
            }
        }

        return items;
    }

    /// <summary>A <c>custom</c> object in document order, repeated names kept so that the mapping rules can refuse them.</summary>
    private static List<KeyValuePair<string, string?>>? ReadCustom(ref Utf8JsonReader reader, ReadOnlySpan<byte> text, string entry, string expected, List<ConversionMappingError> errors)
    {
        if (!StartObject(ref reader, text, entry, errors))
        {
            return null;
        }

        var custom = new List<KeyValuePair<string, string?>>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var errorCount = errors.Count;
            var source = Scalar(ref reader, text, entry + "." + name, expected, errors);

            // A mistyped value is reported once, as such, not also as a parameter naming no column.
            if (errors.Count == errorCount)
            {
                custom.Add(new KeyValuePair<string, string?>(name, source));
            }
        }

        return custom;
    }

    /// <summary>Reads the value of the current property: a JSON string, or <c>null</c> (the field left unmapped).</summary>
    private static string? Scalar(ref Utf8JsonReader reader, ReadOnlySpan<byte> text, string entry, string expected, List<ConversionMappingError> errors)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null:
                return null;
            default:
                errors.Add(new ConversionMappingError(entry, $"Expected {expected}" + Position(text, reader.BytesConsumed) + "."));
                reader.Skip();
                return null;
        }
    }

    /// <summary>Moves into the object value of the current property; <see langword="false"/> for <c>null</c> or a wrong type.</summary>
    private static bool StartObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> text, string entry, List<ConversionMappingError> errors)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.Null)
        {
            errors.Add(new ConversionMappingError(entry, "Expected a JSON object" + Position(text, reader.BytesConsumed) + "."));
            reader.Skip();
        }

        return false;
    }

    private static void Unknown(ref Utf8JsonReader reader, ReadOnlySpan<byte> text, string name, string parent, string[] known, List<ConversionMappingError> errors)
    {
        var entry = parent.Length == 0 ? name : parent + "." + name;
        var where = parent.Length == 0 ? "the mapping" : parent;
        errors.Add(new ConversionMappingError(entry,
            $"'{name}' is not a setting of {where}; expected one of: {string.Join(", ", known)}" + Position(text, reader.BytesConsumed) + "."));
        reader.Read();
        reader.Skip();
    }

    /// <summary>The 1-based line and byte position just after the token read, as <see cref="JsonException"/> reports them.</summary>
    private static string Position(ReadOnlySpan<byte> text, long consumed)
    {
        var before = text[..(int)consumed];
        var line = before.Count((byte)'\n');
        var position = before.Length - (before.LastIndexOf((byte)'\n') + 1);
        return string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, position {position + 1})");
    }

    private static string Position(JsonException exception)
    {
        if (exception.LineNumber is not { } line)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(" (line ");
        builder.Append((line + 1).ToString(CultureInfo.InvariantCulture));
        if (exception.BytePositionInLine is { } position)
        {
            builder.Append(", position ").Append((position + 1).ToString(CultureInfo.InvariantCulture));
        }

        return builder.Append(')').ToString();
    }
}
