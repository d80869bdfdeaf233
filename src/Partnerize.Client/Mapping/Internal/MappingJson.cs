using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Partnerize.Client.Mapping.Internal;

/// <summary>
/// Reads mapping JSON and turns the serializer's failures into <see cref="ConversionMappingError"/>s that name the entry
/// in the mapping's own words.
/// </summary>
internal static class MappingJson
{
    public static readonly JsonDocumentOptions DocumentOptions = new()
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

    public static ConversionMappingException NotJson(JsonException exception) =>
        new([new ConversionMappingError("json", "The mapping is not valid JSON" + Position(exception) + ".")], exception);

    public static ConversionMapping Compile(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ConversionMappingException([new ConversionMappingError("mapping",
                $"The mapping must be a JSON object with conversionRef, clickRef and the other fields; got a JSON {MappingMessages.Name(root.ValueKind)}.")]);
        }

        MappingDocument document;
        try
        {
            document = root.Deserialize(MappingJsonContext.Default.MappingDocument)!;
        }
        catch (JsonException exception)
        {
            throw new ConversionMappingException([Describe(exception, root)], exception);
        }

        return MappingCompiler.Compile(document);
    }

    /// <summary>Names the entry a serializer failure is about: an unknown setting, or a value of the wrong JSON type.</summary>
    private static ConversionMappingError Describe(JsonException exception, JsonElement root)
    {
        var segments = ParsePath(exception.Path);
        if (segments.Count == 0)
        {
            return new ConversionMappingError("mapping", "The mapping must be a JSON object" + Position(exception) + ".");
        }

        // The serializer locates a bad custom value only at its "custom" object: find the entry itself.
        if (string.Equals(segments[^1], "custom", StringComparison.OrdinalIgnoreCase)
            && Find(root, segments) is { ValueKind: JsonValueKind.Object } custom)
        {
            foreach (var property in custom.EnumerateObject())
            {
                if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                {
                    segments.Add(property.Name);
                    break;
                }
            }
        }

        var entry = string.Join('.', segments);
        var name = segments[^1];
        var parent = segments.Count == 1 ? string.Empty : string.Join('.', segments.Take(segments.Count - 1));
        var known = parent switch
        {
            "" => RootEntries,
            "item" => ItemEntries,
            "items" => ItemsEntries,
            _ => null,
        };

        if (known is not null && !known.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            var where = parent.Length == 0 ? "the mapping" : parent;
            return new ConversionMappingError(entry,
                $"'{name}' is not a setting of {where}; expected one of: {string.Join(", ", known)}" + Position(exception) + ".");
        }

        var expected = (parent, name.ToUpperInvariant()) switch
        {
            ("", "ITEM" or "ITEMS" or "CUSTOM") or ("items", "CUSTOM") => "a JSON object",
            ("items" or "items.custom", _) => "a key name (a JSON string)",
            _ => "a column name (a JSON string)",
        };
        return new ConversionMappingError(entry, $"Expected {expected}" + Position(exception) + ".");
    }

    private static JsonElement? Find(JsonElement root, List<string> segments)
    {
        var current = root;
        foreach (var segment in segments)
        {
            if (current.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            JsonElement? next = null;
            foreach (var property in current.EnumerateObject())
            {
                if (string.Equals(property.Name, segment, StringComparison.OrdinalIgnoreCase))
                {
                    next = property.Value;
                }
            }

            if (next is not { } found)
            {
                return null;
            }

            current = found;
        }

        return current;
    }

    /// <summary>Splits a JSON path such as <c>$.items.custom['odd key']</c> into its property names.</summary>
    private static List<string> ParsePath(string? path)
    {
        var segments = new List<string>();
        if (string.IsNullOrEmpty(path))
        {
            return segments;
        }

        var i = path[0] == '$' ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? path.Length : end;
                segments.Add(path[(i + 2)..end]);
                i = Math.Min(path.Length, end + 2);
            }
            else
            {
                // An array index: the mapping has no arrays, so the entry is its parent.
                var end = path.IndexOf(']', i);
                i = end < 0 ? path.Length : end + 1;
            }
        }

        return segments;
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
