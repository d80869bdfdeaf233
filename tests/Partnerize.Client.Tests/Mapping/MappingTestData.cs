using System.Text.Json;
using Partnerize.Client.Conversions;
using Partnerize.Client.Mapping;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Tests.Mapping;

/// <summary>The issue's mapping and helpers to take a draft all the way to its tracking URL.</summary>
internal static class MappingTestData
{
    /// <summary>The JSON mapping exactly as issue 5 shows it.</summary>
    public const string IssueJson = """
        {
          "conversionRef": "order_id",
          "clickRef": "click_ref",
          "item": { "category": "category", "quantity": "qty", "value": "unit_price", "sku": "sku" },
          "items": { "column": "line_items", "category": "cat", "quantity": "qty", "value": "price", "sku": "sku" },
          "currency": "currency", "country": "country", "customerType": "customer_type",
          "voucher": "voucher_code", "customerRef": "customer_id", "fulfilmentDate": "fulfilled_on",
          "conversionTime": "ordered_at",
          "custom": { "check_in_date": "check_in" }
        }
        """;

    public const string UrlPrefix = "https://prf.hn/conversion/tracking_mode:api/campaign:10l176";

    public static readonly TrackingUrlBuilder UrlBuilder = new(new Uri("https://prf.hn/"), "10l176");

    public static ConversionMapping IssueMapping { get; } = ConversionMapping.FromJson(IssueJson);

    /// <summary>Validates a draft with the default validator and builds its URL; fails the test when it is rejected.</summary>
    public static string UrlOf(ConversionDraft draft)
    {
        var result = ConversionValidator.Default.Validate(draft);
        Assert.That(result.IsValid, Is.True, () => "rejected: " + string.Join(" | ", result.Rejections));
        return UrlBuilder.Build(result.Conversion!);
    }

    /// <summary>Validates a draft that must be rejected and returns its rejections.</summary>
    public static IReadOnlyList<ConversionRejection> RejectionsOf(ConversionDraft draft)
    {
        var result = ConversionValidator.Default.Validate(draft);
        Assert.That(result.IsValid, Is.False, "the draft was expected to be rejected");
        return result.Rejections;
    }

    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>A row of the issue mapping with every column but the items set; <paramref name="changes"/> overrides.</summary>
    public static Dictionary<string, object?> Row(params (string Column, object? Value)[] changes)
    {
        var row = new Dictionary<string, object?>
        {
            ["order_id"] = "ORD-1",
            ["click_ref"] = "ck1",
            ["category"] = "shoes",
            ["qty"] = 1,
            ["unit_price"] = null,
            ["sku"] = null,
            ["line_items"] = null,
        };
        foreach (var (column, value) in changes)
        {
            row[column] = value;
        }

        return row;
    }
}
