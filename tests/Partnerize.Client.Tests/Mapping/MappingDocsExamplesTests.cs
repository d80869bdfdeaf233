using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Partnerize.Client.Conversions;
using Partnerize.Client.Mapping;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Tests.Mapping;

/// <summary>The code samples of docs/mapping.md, compiled and run, so that the page cannot drift from the API.</summary>
public class MappingDocsExamplesTests
{
    private static readonly ConversionMapping Mapping = ConversionMapping.CreateBuilder()
        .ConversionRef("order_id")
        .ClickRef("click_ref")
        .ItemCategory("category").ItemQuantity("qty").ItemValue("unit_price").ItemSku("sku")
        .Items("line_items", items => items.Category("cat").Quantity("qty").Value("price").Custom("size", "size"))
        .Currency("currency")
        .FulfilmentDate("fulfilled_on")
        .Custom("check_in_date", "check_in")
        .Build();

    [Test]
    public void DictionaryExample_BuildsTheDocumentedUrl()
    {
        var mapping = Mapping;
        var row = new Dictionary<string, object?>
        {
            ["order_id"] = "ORD-1001",
            ["click_ref"] = "1011l4pkbcD",
            ["line_items"] = """[{"cat":"shoes","qty":2,"price":42.50}]""",
            ["currency"] = "gbp",
            ["fulfilled_on"] = new DateOnly(2024, 6, 1),
        };

        ConversionDraft draft = mapping.Map(row);
        Conversion conversion = ConversionBuilder.From(draft).Build();
        string url = new TrackingUrlBuilder(new Uri("https://prf.hn/"), "10l176").Build(conversion);

        Assert.That(url, Is.EqualTo("https://prf.hn/conversion/tracking_mode:api/campaign:10l176/conversionref:ORD-1001/clickref:1011l4pkbcD" +
            "/currency:GBP/fulfilment_date:2024-06-01/[category:shoes/value:42.50/quantity:2]"));
    }

    [Test]
    public async Task DatabaseReaderExample_ReportsMissingColumnsAndBadRows()
    {
        var mapping = Mapping;
        var cancellationToken = CancellationToken.None;
        var warnings = new StringWriter();
        var errors = new StringWriter();

        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(cancellationToken);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                CREATE TABLE orders (order_id TEXT, click_ref TEXT, category TEXT, qty INTEGER, line_items TEXT, currency TEXT, synced INTEGER);
                INSERT INTO orders VALUES ('A-1', 'ck1', 'shoes', 1, NULL, 'GBP', 0), ('A-2', 'ck2', NULL, NULL, '[{"cat":"hats"}]', 'EURO', 0);
                """;
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using DbCommand command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM orders WHERE synced = 0";
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);

        foreach (string column in mapping.GetMissingColumns(reader))
        {
            warnings.WriteLine($"warning: the query has no column '{column}'");
        }

        var row = 0;
        await foreach (ConversionDraft draft in mapping.MapAsync(reader, cancellationToken))
        {
            row++;
            ConversionValidationResult result = ConversionValidator.Default.Validate(draft);
            if (!result.IsValid)
            {
                errors.WriteLine($"row {row} ({draft.ConversionRef}): {string.Join("; ", result.Rejections)}");
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(warnings.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
            {
                "warning: the query has no column 'fulfilled_on'",
                "warning: the query has no column 'unit_price'",
                "warning: the query has no column 'sku'",
                "warning: the query has no column 'check_in'",
            }));
            Assert.That(errors.ToString(), Is.EqualTo(
                "row 2 (A-2): currency (column 'currency'): Currency must be a three-letter ISO 4217 code such as USD; got 'EURO'.; " +
                "items[0].quantity (column 'line_items'): Conversion item is missing required field(s): quantity" + Environment.NewLine));
        });
    }

    [Test]
    public void JsonRowsExample_MapsEveryElement()
    {
        var mapping = Mapping;
        var results = new List<ConversionValidationResult>();

        using JsonDocument document = JsonDocument.Parse("""
            [ { "order_id": "J-1", "click_ref": "c", "category": "x", "qty": 1 }, { "order_id": "J-2", "click_ref": "c" } ]
            """);
        foreach (ConversionDraft draft in mapping.Map(document.RootElement.EnumerateArray()))
        {
            ConversionValidationResult result = ConversionValidator.Default.Validate(draft);
            results.Add(result);
        }

        Assert.That(results.Select(r => r.IsValid), Is.EqualTo(new[] { true, false }));
    }

    [Test]
    public void AppSettingsExample_Binds()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream("""
                {
                  "Partnerize": {
                    "Mapping": {
                      "conversionRef": "order_id",
                      "clickRef": "click_ref",
                      "items": { "column": "line_items", "category": "cat", "quantity": "qty" },
                      "currency": "currency",
                      "custom": { "check_in_date": "check_in" }
                    }
                  }
                }
                """u8.ToArray()))
            .Build();

        ConversionMapping mapping = ConversionMapping.FromConfiguration(configuration.GetSection("Partnerize:Mapping"));

        Assert.That(mapping.Items!.Value, Is.EqualTo("value"));
    }
}
