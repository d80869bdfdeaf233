using System.Collections;
using System.Dynamic;
using Partnerize.Client.Conversions;
using Partnerize.Client.Mapping;
using static Partnerize.Client.Tests.Mapping.MappingTestData;

namespace Partnerize.Client.Tests.Mapping;

/// <summary>The items column: its forms, the inline mapper, and its precedence over the single-item columns.</summary>
public class ConversionMappingItemsTests
{
    private const string TwoItemsUrl = UrlPrefix + "/conversionref:ORD-1/clickref:ck1/[category:hats/sku:H-1/value:10.50/quantity:3][category:socks/quantity:1]";

    private static readonly ConversionMapping RenamedKeys = ConversionMapping.CreateBuilder()
        .ConversionRef("order_id")
        .ClickRef("click_ref")
        .Items("lines", items => items.Category("Kategorie").Quantity("Menge").Value("Preis").Sku("Artikel").Custom("size", "Groesse"))
        .Build();

    [Test]
    public void Map_ItemsAsJsonText_ReadsEveryEntry()
    {
        var draft = IssueMapping.Map(Row(("line_items", """[{"cat":"hats","sku":"H-1","price":"10.50","qty":3},{"cat":"socks","qty":"1"}]""")));

        Assert.That(UrlOf(draft), Is.EqualTo(TwoItemsUrl));
    }

    [Test]
    public void Map_ItemsAsJsonElement_ReadsEveryEntry()
    {
        var draft = IssueMapping.Map(Row(("line_items", Json("""[{"cat":"hats","sku":"H-1","price":10.50,"qty":3},{"cat":"socks","qty":1}]"""))));

        Assert.That(UrlOf(draft), Is.EqualTo(TwoItemsUrl));
    }

    [Test]
    public void Map_ItemsAsJsonStringElement_ParsesTheText()
    {
        // A JSON export of a table whose items column is text: the array arrives as a JSON string.
        var row = Json("""{"order_id":"ORD-1","click_ref":"ck1","line_items":"[{\"cat\":\"hats\",\"sku\":\"H-1\",\"price\":10.50,\"qty\":3},{\"cat\":\"socks\",\"qty\":1}]"}""");

        Assert.That(UrlOf(IssueMapping.Map(row)), Is.EqualTo(TwoItemsUrl));
    }

    [Test]
    public void Map_ItemsAsListOfDictionaries_ReadsEveryEntry()
    {
        var lines = new List<Dictionary<string, object?>>
        {
            new() { ["cat"] = "hats", ["sku"] = "H-1", ["price"] = 10.50m, ["qty"] = 3 },
            new() { ["cat"] = "socks", ["qty"] = 1L },
        };

        Assert.That(UrlOf(IssueMapping.Map(Row(("line_items", lines)))), Is.EqualTo(TwoItemsUrl));
    }

    [Test]
    public void Map_ItemsAsOtherDictionaryKinds_ReadsEveryEntry()
    {
        IDictionary<string, object?> expando = new ExpandoObject();
        expando["CAT"] = "hats";
        expando["sku"] = "H-1";
        expando["price"] = "10.50";
        expando["qty"] = 3;
        var hashtable = new Hashtable { ["cat"] = "socks", ["Qty"] = 1 };
        var lines = new object?[] { expando, hashtable };

        Assert.That(UrlOf(IssueMapping.Map(Row(("line_items", lines)))), Is.EqualTo(TwoItemsUrl));
    }

    [Test]
    public void Map_ItemsAsStringDictionaries_ReadsEveryEntry()
    {
        var lines = new[]
        {
            new Dictionary<string, string> { ["cat"] = "hats", ["sku"] = "H-1", ["price"] = "10.50", ["qty"] = "3" },
            new Dictionary<string, string> { ["cat"] = "socks", ["qty"] = "1" },
        };

        Assert.That(UrlOf(IssueMapping.Map(Row(("line_items", lines)))), Is.EqualTo(TwoItemsUrl));
    }

    [Test]
    public void Map_InlineMapperWithRenamedKeys_ReadsThoseKeysAndItemCustomParameters()
    {
        var draft = RenamedKeys.Map(Json("""
            {"order_id":"A","click_ref":"b","lines":[
              {"kategorie":"Schuhe","Menge":2,"Preis":19.99,"Artikel":"S-1","Groesse":42},
              {"Kategorie":"Socken","Menge":1,"Groesse":"M","category":"ignored","quantity":9}
            ]}
            """));

        Assert.That(UrlOf(draft), Is.EqualTo(UrlPrefix +
            "/conversionref:A/clickref:b/[category:Schuhe/sku:S-1/value:19.99/quantity:2/size:42][category:Socken/quantity:1/size:M]"));
    }

    [Test]
    public void Map_InlineMapperWithDefaultKeys_ReadsTheFieldNames()
    {
        var mapping = ConversionMapping.CreateBuilder().ConversionRef("id").ClickRef("click").Items("items").Build();

        var draft = mapping.Map(new Dictionary<string, object?>
        {
            ["id"] = "A",
            ["click"] = "b",
            ["items"] = """[{"category":"c","sku":"s","value":1.25,"quantity":2}]""",
        });

        Assert.Multiple(() =>
        {
            Assert.That(mapping.Items!.Category, Is.EqualTo("category"));
            Assert.That(UrlOf(draft), Is.EqualTo(UrlPrefix + "/conversionref:A/clickref:b/[category:c/sku:s/value:1.25/quantity:2]"));
        });
    }

    [TestCase("""[{"cat":"hats","qty":3}]""", "/[category:hats/quantity:3]", TestName = "Map_BothMappedAndArrayNonEmpty_ArrayWins")]
    [TestCase("[]", "/[category:shoes/sku:S-9/value:5/quantity:2]", TestName = "Map_BothMappedAndArrayEmpty_SingleItemIsUsed")]
    [TestCase("  ", "/[category:shoes/sku:S-9/value:5/quantity:2]", TestName = "Map_BothMappedAndArrayBlank_SingleItemIsUsed")]
    [TestCase("null", "/[category:shoes/sku:S-9/value:5/quantity:2]", TestName = "Map_BothMappedAndArrayJsonNull_SingleItemIsUsed")]
    [TestCase(null, "/[category:shoes/sku:S-9/value:5/quantity:2]", TestName = "Map_BothMappedAndArrayNull_SingleItemIsUsed")]
    public void Map_BothItemsAndSingleItemMapped_FollowsThePrecedenceRule(string? lineItems, string expectedItems)
    {
        var draft = IssueMapping.Map(Row(("line_items", lineItems), ("qty", 2), ("unit_price", 5), ("sku", "S-9")));

        Assert.That(UrlOf(draft), Is.EqualTo(UrlPrefix + "/conversionref:ORD-1/clickref:ck1" + expectedItems));
    }

    [Test]
    public void Map_NonEmptyArrayAndUnreadableSingleItemColumn_SingleItemIsNotRead()
    {
        var draft = IssueMapping.Map(Row(("line_items", """[{"cat":"hats","qty":3}]"""), ("unit_price", new byte[] { 1 })));

        Assert.That(UrlOf(draft), Is.EqualTo(UrlPrefix + "/conversionref:ORD-1/clickref:ck1/[category:hats/quantity:3]"));
    }

    [Test]
    public void Map_MalformedItemsJson_RejectsTheRowNamingTheColumnAndValue()
    {
        var draft = IssueMapping.Map(Row(("line_items", """[{"cat":"hats","qty":3"""), ("category", null), ("qty", null)));

        var rejections = RejectionsOf(draft);

        Assert.That(rejections, Is.EqualTo(new[]
        {
            new ConversionRejection(RejectionCodes.ValueUnreadable, "items",
                """Column 'line_items' holds '[{"cat":"hats","qty":3', which is not valid JSON (line 1, position 23): expected a JSON array of item objects.""",
                null, "line_items"),
        }), "no 'at least one item' on top: the items column is the one problem");
    }

    [Test]
    public void Map_MalformedItemsJsonWithSingleItemColumns_DoesNotFallBack()
    {
        var draft = IssueMapping.Map(Row(("line_items", "not json")));

        Assert.Multiple(() =>
        {
            Assert.That(draft.Item, Is.Null);
            Assert.That(RejectionsOf(draft).Select(r => r.Field), Is.EqualTo(new[] { "items" }));
        });
    }

    [Test]
    public void Map_ItemsJsonThatIsNotAnArray_RejectsTheRow()
    {
        var rejections = RejectionsOf(IssueMapping.Map(Row(("line_items", """{"cat":"hats"}"""))));

        Assert.That(rejections.Single().Message, Is.EqualTo(
            """Column 'line_items' holds '{"cat":"hats"}' (JSON object), which is not an items array: expected a JSON array of item objects."""));
    }

    [Test]
    public void Map_ItemsOfAnUnsupportedType_RejectsTheRow()
    {
        var rejections = RejectionsOf(IssueMapping.Map(Row(("line_items", 42))));

        Assert.That(rejections.Single().Message, Is.EqualTo(
            "Column 'line_items' holds '42' (number), which cannot be read as the items array: expected a JSON array of objects (text or JsonElement) or a list of dictionaries."));
    }

    [Test]
    public void Map_EntryThatIsNotAnObject_RejectsThatEntryOnce()
    {
        var rejections = RejectionsOf(IssueMapping.Map(Row(("line_items", """[{"cat":"hats","qty":3}, 5]"""))));

        Assert.That(rejections, Is.EqualTo(new[]
        {
            new ConversionRejection(RejectionCodes.ValueUnreadable, "items[1]",
                "Column 'line_items' item 1 is '5' (JSON number), not an object with the item fields.", 1, "line_items"),
        }));
    }

    [Test]
    public void Map_EntryKeyOfTheWrongType_RejectsNamingColumnEntryAndKey()
    {
        var rejections = RejectionsOf(IssueMapping.Map(Row(("line_items", """[{"cat":"hats","qty":true}]"""))));

        Assert.That(rejections, Is.EqualTo(new[]
        {
            new ConversionRejection(RejectionCodes.ValueUnreadable, "items[0].quantity",
                "Column 'line_items' item 0 key 'qty' holds 'true' (JSON true), which cannot be read as items[0].quantity: expected a number or numeric text.",
                0, "line_items"),
        }), "the unreadable quantity is not reported again as missing");
    }

    [Test]
    public void Map_EntryMissingAField_ValidatorNamesTheItemsColumn()
    {
        var rejections = RejectionsOf(IssueMapping.Map(Row(("line_items", """[{"cat":"hats","qty":1},{"cat":"socks"}, null]"""))));

        Assert.That(rejections, Is.EqualTo(new[]
        {
            new ConversionRejection(RejectionCodes.ItemFieldMissing, "items[1].quantity", "Conversion item is missing required field(s): quantity", 1, "line_items"),
            new ConversionRejection(RejectionCodes.ItemFieldMissing, "items[2]", "Conversion item is missing required field(s): category, quantity", 2, "line_items"),
        }));
    }

    [Test]
    public void Map_EntryWithBadQuantityText_ValidatorRejectsWithTheValue()
    {
        var rejections = RejectionsOf(RenamedKeys.Map(Json("""{"order_id":"A","click_ref":"b","lines":[{"Kategorie":"x","Menge":"zwei"}]}""")));

        Assert.That(rejections, Is.EqualTo(new[]
        {
            new ConversionRejection(RejectionCodes.ItemQuantityInvalid, "items[0].quantity", "Item quantity must be a whole number of 1 or more; got 'zwei'.", 0, "lines"),
        }));
    }
}
