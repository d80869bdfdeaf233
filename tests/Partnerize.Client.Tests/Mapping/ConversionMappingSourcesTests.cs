using System.Data;
using Partnerize.Client.Conversions;
using Partnerize.Client.Mapping;
using static Partnerize.Client.Tests.Mapping.MappingTestData;

namespace Partnerize.Client.Tests.Mapping;

/// <summary>Every field of the issue's mapping, through each of the three kinds of source.</summary>
public class ConversionMappingSourcesTests
{
    private const string ExpectedSingleItemUrl = UrlPrefix +
        "/conversionref:ORD-1001/clickref:1011l4pkbcD/currency:GBP/country:GB/customertype:new/voucher:SPRING%2F10" +
        "/custref:777/fulfilment_date:2024-06-01/conversion_time:2024-05-01%2011%3A45%3A00/check_in_date:2024-07-01" +
        "/[category:shoes/sku:SKU%201/value:42.50/quantity:2]";

    private const string ExpectedItemsUrl = UrlPrefix +
        "/conversionref:ORD-1001/clickref:1011l4pkbcD/currency:GBP/country:GB/customertype:new/voucher:SPRING%2F10" +
        "/custref:777/fulfilment_date:2024-06-01/conversion_time:2024-05-01%2011%3A45%3A00/check_in_date:2024-07-01" +
        "/[category:hats/sku:H-1/value:10.5/quantity:3][category:socks/quantity:1]";

    private const string ItemsJson = """[{"cat":"hats","sku":"H-1","price":10.5,"qty":3},{"cat":"socks","qty":1}]""";

    public enum Source
    {
        Dictionary,
        DataReader,
        Json,
    }

    [TestCase(Source.Dictionary)]
    [TestCase(Source.DataReader)]
    [TestCase(Source.Json)]
    public void Map_EveryFieldWithSingleItem_YieldsTheExpectedUrl(Source source)
    {
        var draft = MapFullRow(source, lineItems: null);

        Assert.Multiple(() =>
        {
            Assert.That(draft.ConversionRef, Is.EqualTo("ORD-1001"));
            Assert.That(draft.ClickRef, Is.EqualTo("1011l4pkbcD"));
            Assert.That(draft.Currency, Is.EqualTo("gbp"));
            Assert.That(draft.Country, Is.EqualTo("gb"));
            Assert.That(draft.CustomerType, Is.EqualTo("New"));
            Assert.That(draft.Voucher, Is.EqualTo("SPRING/10"));
            Assert.That(draft.CustomerRef, Is.EqualTo("777"));
            Assert.That(draft.FulfilmentDate, Is.EqualTo("2024-06-01"));
            Assert.That(draft.Item, Is.EqualTo(new ConversionItemDraft { Category = "shoes", Quantity = "2", Value = "42.50", Sku = "SKU 1" }));
            Assert.That(draft.Items, Is.Null);
            Assert.That(draft.CustomParameters, Is.EqualTo(new[] { new CustomParameter("check_in_date", "2024-07-01") }));
            Assert.That(draft.MappingRejections, Is.Null);
            Assert.That(draft.SourceColumns, Is.SameAs(IssueMapping.SourceColumns));
            Assert.That(UrlOf(draft), Is.EqualTo(ExpectedSingleItemUrl));
        });
    }

    [TestCase(Source.Dictionary)]
    [TestCase(Source.DataReader)]
    [TestCase(Source.Json)]
    public void Map_EveryFieldWithItemsArray_ArrayWinsAndYieldsTheExpectedUrl(Source source)
    {
        var draft = MapFullRow(source, lineItems: ItemsJson);

        Assert.Multiple(() =>
        {
            Assert.That(draft.Items, Is.EqualTo(new ConversionItemDraft?[]
            {
                new() { Category = "hats", Sku = "H-1", Value = "10.5", Quantity = "3" },
                new() { Category = "socks", Quantity = "1" },
            }));
            Assert.That(draft.Item, Is.Null, "a non-empty array wins, so the single-item columns are not read");
            Assert.That(UrlOf(draft), Is.EqualTo(ExpectedItemsUrl));
        });
    }

    [TestCase(Source.Dictionary)]
    [TestCase(Source.DataReader)]
    [TestCase(Source.Json)]
    public void Map_ColumnNamesInAnotherCase_MatchIgnoringCase(Source source)
    {
        var mapping = ConversionMapping.CreateBuilder()
            .ConversionRef("Order_ID").ClickRef("CLICK_REF").ItemCategory("category").ItemQuantity("QTY").Currency("Currency")
            .Build();
        var values = new (string, object?)[] { ("order_id", "O-9"), ("click_ref", "cK"), ("CATEGORY", "toys"), ("qty", 4), ("currency", "eur") };

        var draft = source switch
        {
            Source.Dictionary => mapping.Map(values.ToDictionary(v => v.Item1, v => v.Item2)),
            Source.DataReader => mapping.Map(Reader(values)).Single(),
            _ => mapping.Map(Json(System.Text.Json.JsonSerializer.Serialize(values.ToDictionary(v => v.Item1, v => v.Item2)))),
        };

        Assert.That(UrlOf(draft), Is.EqualTo(UrlPrefix + "/conversionref:O-9/clickref:cK/currency:EUR/[category:toys/quantity:4]"));
    }

    [TestCase(Source.Dictionary)]
    [TestCase(Source.DataReader)]
    [TestCase(Source.Json)]
    public void Map_MappedColumnsMissingFromTheRow_AreEmptyAndOnlyRequiredOnesReject(Source source)
    {
        var values = new (string, object?)[] { ("order_id", "O-9"), ("category", "toys"), ("qty", 1) };
        var draft = source switch
        {
            Source.Dictionary => IssueMapping.Map(values.ToDictionary(v => v.Item1, v => v.Item2)),
            Source.DataReader => IssueMapping.Map(Reader(values)).Single(),
            _ => IssueMapping.Map(Json("""{"order_id":"O-9","category":"toys","qty":1}""")),
        };

        var rejections = RejectionsOf(draft);

        Assert.Multiple(() =>
        {
            Assert.That(draft.Currency, Is.Null);
            Assert.That(draft.CustomParameters, Is.EqualTo(new[] { new CustomParameter("check_in_date", null) }));
            Assert.That(rejections.Select(r => (r.Code, r.Message, r.Column)), Is.EqualTo(new[]
            {
                (RejectionCodes.ClickRefMissing, "A click reference is required to attribute a Partnerize conversion.", "click_ref"),
            }));
        });
    }

    [Test]
    public void Map_DictionariesOfOtherValueTypes_AreRowsToo()
    {
        const string Expected = UrlPrefix + "/conversionref:A-1/clickref:ck/[category:toys/quantity:2]";
        var nonNullable = new Dictionary<string, object> { ["order_id"] = "A-1", ["click_ref"] = "ck", ["category"] = "toys", ["qty"] = 2 };
        var csv = new Dictionary<string, string?> { ["order_id"] = "A-1", ["click_ref"] = "ck", ["category"] = "toys", ["qty"] = "2", ["currency"] = null };
        var json = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, System.Text.Json.JsonElement>>(
            """{"order_id":"A-1","click_ref":"ck","category":"toys","qty":2}""")!;

        Assert.Multiple(() =>
        {
            Assert.That(UrlOf(IssueMapping.Map(nonNullable)), Is.EqualTo(Expected));
            Assert.That(UrlOf(IssueMapping.Map(csv)), Is.EqualTo(Expected));
            Assert.That(UrlOf(IssueMapping.Map(json)), Is.EqualTo(Expected));
            Assert.That(IssueMapping.Map(new List<Dictionary<string, object>> { nonNullable }).Select(UrlOf), Is.EqualTo(new[] { Expected }));
        });
    }

    [Test]
    public void Map_NullAndDbNull_AreAbsent()
    {
        var draft = IssueMapping.Map(Row(("currency", DBNull.Value), ("country", null), ("line_items", DBNull.Value)));

        Assert.Multiple(() =>
        {
            Assert.That(draft.Currency, Is.Null);
            Assert.That(draft.Country, Is.Null);
            Assert.That(draft.Items, Is.Null);
            Assert.That(UrlOf(draft), Is.EqualTo(UrlPrefix + "/conversionref:ORD-1/clickref:ck1/[category:shoes/quantity:1]"));
        });
    }

    [Test]
    public void MapRecord_OneRecord_MapsTheCurrentRow()
    {
        using var reader = Reader(("order_id", "A"), ("click_ref", "b"), ("category", "c"), ("qty", 1));
        Assert.That(reader.Read(), Is.True);

        var draft = IssueMapping.MapRecord(reader);

        Assert.That(UrlOf(draft), Is.EqualTo(UrlPrefix + "/conversionref:A/clickref:b/[category:c/quantity:1]"));
    }

    [Test]
    public async Task MapAsync_DataReader_StreamsEveryRowInOrder()
    {
        var table = new DataTable();
        table.Columns.Add("order_id", typeof(string));
        table.Columns.Add("click_ref", typeof(string));
        table.Columns.Add("category", typeof(string));
        table.Columns.Add("qty", typeof(int));
        for (var i = 1; i <= 5; i++)
        {
            table.Rows.Add("O-" + i, "c" + i, "cat", i);
        }

        var refs = new List<string?>();
        await foreach (var draft in IssueMapping.MapAsync(table.CreateDataReader()))
        {
            refs.Add(draft.ConversionRef);
        }

        Assert.That(refs, Is.EqualTo(new[] { "O-1", "O-2", "O-3", "O-4", "O-5" }));
    }

    [Test]
    public void MapAsync_Cancelled_StopsReading()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.That(async () =>
        {
            await foreach (var _ in IssueMapping.MapAsync(Reader(("order_id", "A")), cancellation.Token))
            {
            }
        }, Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void GetMissingColumns_ReaderWithoutSomeColumns_ListsThem()
    {
        using var reader = Reader(("ORDER_ID", "A"), ("click_ref", "b"), ("qty", 1), ("line_items", "[]"));

        Assert.That(IssueMapping.GetMissingColumns(reader), Is.EqualTo(new[]
        {
            "currency", "country", "customer_type", "voucher_code", "customer_id", "fulfilled_on", "ordered_at",
            "category", "unit_price", "sku", "check_in",
        }));
    }

    [Test]
    public void Map_JsonRowThatIsNotAnObject_Throws()
    {
        Assert.That(() => IssueMapping.Map(Json("[1]")), Throws.ArgumentException.With.Message.Contains("JSON array"));
    }

    [Test]
    public void Map_ManyDictionaryAndJsonRows_OneDraftPerRowInOrder()
    {
        var rows = new List<Dictionary<string, object?>> { Row(("order_id", "A")), Row(("order_id", "B")) };
        var json = Json("""[{"order_id":"C"},{"order_id":"D"}]""");

        Assert.Multiple(() =>
        {
            Assert.That(IssueMapping.Map(rows).Select(d => d.ConversionRef), Is.EqualTo(new[] { "A", "B" }));
            Assert.That(IssueMapping.Map(json.EnumerateArray()).Select(d => d.ConversionRef), Is.EqualTo(new[] { "C", "D" }));
        });
    }

    private static ConversionDraft MapFullRow(Source source, string? lineItems) => source switch
    {
        Source.Dictionary => IssueMapping.Map(new Dictionary<string, object?>
        {
            ["order_id"] = "ORD-1001",
            ["click_ref"] = "1011l4pkbcD",
            ["category"] = "shoes",
            ["qty"] = 2,
            ["unit_price"] = 42.50m,
            ["sku"] = "SKU 1",
            ["line_items"] = lineItems,
            ["currency"] = "gbp",
            ["country"] = "gb",
            ["customer_type"] = "New",
            ["voucher_code"] = "SPRING/10",
            ["customer_id"] = 777L,
            ["fulfilled_on"] = new DateOnly(2024, 6, 1),
            ["ordered_at"] = new DateTimeOffset(2024, 5, 1, 13, 45, 0, TimeSpan.FromHours(2)),
            ["check_in"] = new DateOnly(2024, 7, 1),
        }),
        Source.DataReader => IssueMapping.Map(Reader(
            ("order_id", "ORD-1001"), ("click_ref", "1011l4pkbcD"), ("category", "shoes"), ("qty", 2),
            ("unit_price", 42.50m), ("sku", "SKU 1"), ("line_items", (object?)lineItems ?? DBNull.Value), ("currency", "gbp"),
            ("country", "gb"), ("customer_type", "New"), ("voucher_code", "SPRING/10"), ("customer_id", 777L),
            ("fulfilled_on", new DateOnly(2024, 6, 1)), ("ordered_at", new DateTimeOffset(2024, 5, 1, 13, 45, 0, TimeSpan.FromHours(2))),
            ("check_in", new DateTime(2024, 7, 1)))).Single(),
        _ => IssueMapping.Map(Json($$"""
            {
              "order_id": "ORD-1001", "click_ref": "1011l4pkbcD", "category": "shoes", "qty": 2, "unit_price": 42.50,
              "sku": "SKU 1", "line_items": {{lineItems ?? "null"}}, "currency": "gbp", "country": "gb",
              "customer_type": "New", "voucher_code": "SPRING/10", "customer_id": 777, "fulfilled_on": "2024-06-01",
              "ordered_at": "2024-05-01T13:45:00+02:00", "check_in": "2024-07-01"
            }
            """)),
    };

    /// <summary>A one-row data reader whose columns take the types of the given values.</summary>
    internal static DataTableReader Reader(params (string Column, object? Value)[] values)
    {
        var table = new DataTable();
        foreach (var (column, value) in values)
        {
            table.Columns.Add(column, value is null or DBNull ? typeof(string) : value.GetType());
        }

        table.Rows.Add(values.Select(v => v.Value ?? DBNull.Value).ToArray());
        return table.CreateDataReader();
    }
}
