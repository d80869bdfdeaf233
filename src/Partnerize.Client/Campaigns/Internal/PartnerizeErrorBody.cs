using System.Text.Json;

namespace Partnerize.Client.Campaigns.Internal;

/// <summary>
/// Reads Partnerize's error code and message out of an error answer, whatever its shape:
/// <c>{"error": {"message", "code", "errors": [...]}}</c>, the older <c>{"error": {"message", "type"}}</c>, a bare
/// string, or no JSON at all. Never throws.
/// </summary>
internal static class PartnerizeErrorBody
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 16,
    };

    public static (string? Code, string? Message) Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return default;
        }

        try
        {
            using var document = JsonDocument.Parse(body, DocumentOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return default;
            }

            if (root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String)
                {
                    return (null, NullIfEmpty(error.GetString()));
                }

                if (error.ValueKind == JsonValueKind.Object)
                {
                    var code = Scalar(error, "code") ?? Scalar(error, "type");
                    return (code, WithDetails(Scalar(error, "message"), error));
                }
            }

            return (Scalar(root, "code"), Scalar(root, "message"));
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string? WithDetails(string? message, JsonElement error)
    {
        if (!error.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
        {
            return message;
        }

        var details = new List<string>();
        foreach (var entry in errors.EnumerateArray())
        {
            var detail = entry.ValueKind switch
            {
                JsonValueKind.Object => Scalar(entry, "message"),
                JsonValueKind.String => NullIfEmpty(entry.GetString()),
                _ => null,
            };
            if (detail is not null && !string.Equals(detail, message, StringComparison.Ordinal) && !details.Contains(detail))
            {
                details.Add(detail);
            }
        }

        if (details.Count == 0)
        {
            return message;
        }

        var joined = string.Join("; ", details);
        return message is null ? joined : $"{message}: {joined}";
    }

    private static string? Scalar(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => NullIfEmpty(value.GetString()),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
