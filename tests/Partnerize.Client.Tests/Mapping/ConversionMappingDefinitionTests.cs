using System.Text;
using Microsoft.Extensions.Configuration;
using Partnerize.Client.Mapping;
using static Partnerize.Client.Tests.Mapping.MappingTestData;

namespace Partnerize.Client.Tests.Mapping;

/// <summary>Defining a mapping in code, from JSON and from configuration; wrong definitions are refused up front.</summary>
public class ConversionMappingDefinitionTests
{
    [Test]
    public void FromJson_TheIssueShape_ReadsEveryEntry()
    {
        var mapping = ConversionMapping.FromJson(IssueJson);

        AssertIsTheIssueMapping(mapping);
    }

    [Test]
    public void FromJson_PropertyNamesInAnotherCaseWithCommentsAndTrailingCommas_AreAccepted()
    {
        var mapping = ConversionMapping.FromJson("""
            {
              // the order table
              "ConversionRef": "order_id",
              "CLICKREF": "click_ref",
              "items": { "column": "lines", },
            }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(mapping.ConversionRef, Is.EqualTo("order_id"));
            Assert.That(mapping.ClickRef, Is.EqualTo("click_ref"));
            Assert.That(mapping.Items!.Quantity, Is.EqualTo("quantity"));
        });
    }

    [Test]
    public async Task LoadAsync_Stream_ReadsTheIssueShape()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(IssueJson));

        AssertIsTheIssueMapping(await ConversionMapping.LoadAsync(stream));
    }

    [Test]
    public async Task LoadFileAsync_File_ReadsTheIssueShape()
    {
        var folder = Directory.CreateTempSubdirectory("partnerize-mapping-");
        try
        {
            var path = Path.Combine(folder.FullName, "mapping.json");
            await File.WriteAllTextAsync(path, IssueJson);

            AssertIsTheIssueMapping(await ConversionMapping.LoadFileAsync(path));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void ToJson_RoundTrip_GivesTheSameMapping()
    {
        var json = IssueMapping.ToJson();

        Assert.Multiple(() =>
        {
            AssertIsTheIssueMapping(ConversionMapping.FromJson(json));
            Assert.That(json, Does.Contain("\"conversionRef\": \"order_id\"").And.Contain("\"check_in_date\": \"check_in\""));
        });
    }

    [TestCase("""{"conversionRef":"a","clickRef":"b","vouchre":"v"}""", "vouchre",
        "'vouchre' is not a setting of the mapping; expected one of: conversionRef, clickRef, item, items, currency, country, customerType, voucher, customerRef, fulfilmentDate, conversionTime, custom (line 1, position 47).")]
    [TestCase("""{"conversionRef":"a","clickRef":"b","items":{"column":"l","colum":"x"}}""", "items.colum",
        "'colum' is not a setting of items; expected one of: column, category, quantity, value, sku, custom (line 1, position 67).")]
    [TestCase("""{"conversionRef":"a","clickRef":"b","item":{"qty":"x"}}""", "item.qty",
        "'qty' is not a setting of item; expected one of: category, quantity, value, sku (line 1, position 51).")]
    [TestCase("""{"conversionRef":5,"clickRef":"b"}""", "conversionRef", "Expected a column name (a JSON string) (line 1, position 19).")]
    [TestCase("""{"conversionRef":"a","clickRef":"b","items":"lines"}""", "items", "Expected a JSON object (line 1, position 52).")]
    [TestCase("""{"conversionRef":"a","clickRef":"b","items":{"column":"l","qty":"q"}}""", "items.qty",
        "'qty' is not a setting of items; expected one of: column, category, quantity, value, sku, custom (line 1, position 65).")]
    [TestCase("""{"conversionRef":"a","clickRef":"b","items":{"column":"l","sku":1}}""", "items.sku", "Expected a key name (a JSON string) (line 1, position 66).")]
    [TestCase("""{"conversionRef":"a","clickRef":"b","custom":{"size":1}}""", "custom.size", "Expected a column name (a JSON string) (line 1, position 55).")]
    [TestCase("""{"conversionRef":"a","clickRef":"b","custom":["size"]}""", "custom", "Expected a JSON object (line 1, position 47).")]
    [TestCase("""{"conversionRef":"a", "clickRef": """, "json", "The mapping is not valid JSON (line 1, position 35).")]
    [TestCase("""["order_id"]""", "mapping", "The mapping must be a JSON object with conversionRef, clickRef and the other fields; got a JSON array.")]
    [TestCase("null", "mapping", "The mapping must be a JSON object with conversionRef, clickRef and the other fields; got a JSON null.")]
    public void FromJson_WrongShape_IsRefusedNamingTheEntry(string json, string entry, string message)
    {
        var exception = Assert.Throws<ConversionMappingException>(() => ConversionMapping.FromJson(json))!;

        Assert.That(exception.Errors, Is.EqualTo(new[] { new ConversionMappingError(entry, message) }));
    }

    [Test]
    public void FromJson_UnknownEntryAmongOtherProblems_ReportsEveryProblemAtOnce()
    {
        var exception = Assert.Throws<ConversionMappingException>(() => ConversionMapping.FromJson("""
            {
              "conversionRef": "order_id",
              "clikRef": "click_ref",
              "items": { "colum": "lines", "qty": "q" },
              "currency": "",
              "voucher": 5,
              "custom": { "currency": "cur", "check-in": "check_in", "size": ["s"] }
            }
            """))!;

        Assert.That(exception.Errors, Is.EqualTo(new[]
        {
            new ConversionMappingError("clikRef", "'clikRef' is not a setting of the mapping; expected one of: conversionRef, clickRef, item, items, currency, country, customerType, voucher, customerRef, fulfilmentDate, conversionTime, custom (line 3, position 13)."),
            new ConversionMappingError("items.colum", "'colum' is not a setting of items; expected one of: column, category, quantity, value, sku, custom (line 4, position 22)."),
            new ConversionMappingError("items.qty", "'qty' is not a setting of items; expected one of: column, category, quantity, value, sku, custom (line 4, position 38)."),
            new ConversionMappingError("voucher", "Expected a column name (a JSON string) (line 6, position 15)."),
            new ConversionMappingError("custom.size", "Expected a column name (a JSON string) (line 7, position 67)."),
            new ConversionMappingError("clickRef", "No column is mapped to the click reference, which Partnerize needs to attribute a conversion; map clickRef to the column holding the click reference."),
            new ConversionMappingError("items.column", "The items mapping names no column; set items.column to the column holding the items array."),
            new ConversionMappingError("currency", "The column name is empty; name the column to read, or leave the entry out to not map the field."),
            new ConversionMappingError("custom.currency", "Custom parameter name 'currency' is a standard Partnerize parameter name; map that field directly or choose another name."),
            new ConversionMappingError("custom.check-in", "Custom parameter name 'check-in' is not valid: use 1 to 64 letters, digits or underscores."),
        }));
    }

    [Test]
    public void LoadAsync_StreamWithSeveralProblemsAndByteOrderMark_ReportsEveryProblemAtOnce()
    {
        var json = """{"conversionRef":"a","vouchre":"v","item":{"qty":"q"}}""";
        using var stream = new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(json)]);

        var exception = Assert.ThrowsAsync<ConversionMappingException>(() => ConversionMapping.LoadAsync(stream))!;

        Assert.That(exception.Errors.Select(e => e.Entry), Is.EqualTo(new[] { "vouchre", "item.qty", "clickRef" }));
    }

    [Test]
    public void FromJson_ItemsColumnOfTheWrongType_AsksForAColumnName()
    {
        var exception = Assert.Throws<ConversionMappingException>(() => ConversionMapping.FromJson(
            """{"conversionRef":"a","clickRef":"b","items":{"column":7}}"""))!;

        Assert.That(exception.Errors, Is.EqualTo(new[]
        {
            new ConversionMappingError("items.column", "Expected a column name (a JSON string) (line 1, position 56)."),
        }));
    }

    [TestCase("""{"conversionRef":"id","clickRef":"ck","item":{"category":"cat","quantity":"qty","value":"v"}}""", new[] { "id", "ck", "cat", "qty" })]
    [TestCase("""{"conversionRef":"id","clickRef":"ck","items":{"column":"lines"}}""", new[] { "id", "ck", "lines" })]
    [TestCase("""{"conversionRef":"id","clickRef":"ck","item":{"sku":"sku"},"items":{"column":"lines"}}""", new[] { "id", "ck", "lines" })]
    [TestCase("""{"conversionRef":"id","clickRef":"ck","item":{"category":"cat"},"items":{"column":"lines"}}""", new[] { "id", "ck" })]
    [TestCase("""{"conversionRef":"id","clickRef":"ID"}""", new[] { "id" })]
    public void RequiredColumns_ByItemSource_AreTheColumnsNoRowCanDoWithout(string json, string[] required)
    {
        Assert.That(ConversionMapping.FromJson(json).RequiredColumns, Is.EqualTo(required));
    }

    [Test]
    public void GetMissingColumns_ColumnNames_ListsTheMappedOnesAbsentIgnoringCase()
    {
        Assert.That(IssueMapping.GetMissingColumns(["ORDER_ID", "click_ref", "qty", "line_items", "Currency"]), Is.EqualTo(new[]
        {
            "country", "customer_type", "voucher_code", "customer_id", "fulfilled_on", "ordered_at",
            "category", "unit_price", "sku", "check_in",
        }));
    }

    [Test]
    public void FromJson_RepeatedCustomName_IsRefusedRatherThanMerged()
    {
        var exception = Assert.Throws<ConversionMappingException>(() => ConversionMapping.FromJson(
            """{"conversionRef":"a","clickRef":"b","custom":{"size":"s1","Size":"s2"}}"""))!;

        Assert.That(exception.Errors, Is.EqualTo(new[]
        {
            new ConversionMappingError("custom.Size", "Custom parameter name 'Size' is mapped more than once (names are compared ignoring case)."),
        }));
    }

    [Test]
    public void Build_NoReferencesMapped_IsRefusedWithBothEntries()
    {
        var exception = Assert.Throws<ConversionMappingException>(() => ConversionMapping.CreateBuilder().Currency("cur").Build())!;

        Assert.Multiple(() =>
        {
            Assert.That(exception.Entry, Is.EqualTo("conversionRef"));
            Assert.That(exception.Errors.Select(e => e.Entry), Is.EqualTo(new[] { "conversionRef", "clickRef" }));
            Assert.That(exception.Message, Is.EqualTo(
                "The conversion mapping is not valid (2 problems): " +
                "conversionRef: No column is mapped to the conversion reference (order ID), which every Partnerize conversion requires; map conversionRef to the column holding the order ID.; " +
                "clickRef: No column is mapped to the click reference, which Partnerize needs to attribute a conversion; map clickRef to the column holding the click reference."));
        });
    }

    private static IEnumerable<TestCaseData> BadDefinitions()
    {
        ConversionMappingBuilder Valid() => ConversionMapping.CreateBuilder().ConversionRef("id").ClickRef("click");

        yield return new TestCaseData(Valid().Custom("currency", "cur"), "custom.currency",
            "Custom parameter name 'currency' is a standard Partnerize parameter name; map that field directly or choose another name.").SetName("Build_CustomNamedLikeAStandardParameter_IsRefused");
        yield return new TestCaseData(Valid().Custom("ConversionRef", "x"), "custom.ConversionRef",
            "Custom parameter name 'ConversionRef' is a standard Partnerize parameter name; map that field directly or choose another name.").SetName("Build_CustomNamedLikeAStandardParameterInAnotherCase_IsRefused");
        yield return new TestCaseData(Valid().Custom("check-in", "x"), "custom.check-in",
            "Custom parameter name 'check-in' is not valid: use 1 to 64 letters, digits or underscores.").SetName("Build_MalformedCustomName_IsRefused");
        yield return new TestCaseData(Valid().Custom(new string('k', 65), "x"), "custom." + new string('k', 65),
            $"Custom parameter name '{new string('k', 64)}…' is not valid: use 1 to 64 letters, digits or underscores.").SetName("Build_CustomNameTooLong_IsRefused");
        yield return new TestCaseData(Valid().Custom("", "x"), "custom.",
            "Custom parameter name '' is not valid: use 1 to 64 letters, digits or underscores.").SetName("Build_EmptyCustomName_IsRefused");
        yield return new TestCaseData(Valid().Custom("size", " "), "custom.size",
            "Custom parameter 'size' names no column; name the column its value comes from.").SetName("Build_CustomWithEmptyColumn_IsRefused");
        yield return new TestCaseData(Valid().Custom("size", "a").Custom("SIZE", "b"), "custom.SIZE",
            "Custom parameter name 'SIZE' is mapped more than once (names are compared ignoring case).").SetName("Build_CustomRepeated_IsRefused");
        yield return new TestCaseData(Valid().Currency(""), "currency",
            "The column name is empty; name the column to read, or leave the entry out to not map the field.").SetName("Build_EmptyColumnName_IsRefused");
        yield return new TestCaseData(Valid().ConversionRef("  "), "conversionRef",
            "The column name is empty; name the column to read, or leave the entry out to not map the field.").SetName("Build_BlankConversionRefColumn_IsRefused");
        yield return new TestCaseData(Valid().ItemQuantity(""), "item.quantity",
            "The column name is empty; name the column to read, or leave the entry out to not map the field.").SetName("Build_EmptySingleItemColumn_IsRefused");
        yield return new TestCaseData(Valid().Items(""), "items.column",
            "The column name is empty; name the column to read, or leave the entry out to not map the field.").SetName("Build_EmptyItemsColumn_IsRefused");
        yield return new TestCaseData(Valid().Items("lines", i => i.Quantity("")), "items.quantity",
            "The key name is empty; name the key of each items entry to read, or leave the entry out to use 'quantity'.").SetName("Build_EmptyItemsKey_IsRefused");
        yield return new TestCaseData(Valid().Items("lines", i => i.Custom("sku", "product")), "items.custom.sku",
            "Custom parameter name 'sku' is a standard Partnerize parameter name; map that field directly or choose another name.").SetName("Build_ItemCustomNamedLikeAStandardParameter_IsRefused");
        yield return new TestCaseData(Valid().Items("lines", i => i.Custom("size", "")), "items.custom.size",
            "Custom parameter 'size' names no key inside each items entry; name the key inside each items entry its value comes from.").SetName("Build_ItemCustomWithEmptyKey_IsRefused");
    }

    [TestCaseSource(nameof(BadDefinitions))]
    public void Build_WrongDefinition_IsRefusedNamingTheEntry(ConversionMappingBuilder builder, string entry, string message)
    {
        var exception = Assert.Throws<ConversionMappingException>(() => builder.Build())!;

        Assert.Multiple(() =>
        {
            Assert.That(exception.Errors, Is.EqualTo(new[] { new ConversionMappingError(entry, message) }));
            Assert.That(exception.Message, Is.EqualTo($"The conversion mapping is not valid: {entry}: {message}"));
        });
    }

    [Test]
    public void Build_InCode_ExposesTheDefinition()
    {
        var mapping = ConversionMapping.CreateBuilder()
            .ConversionRef("id").ClickRef("click").ItemCategory("cat").ItemQuantity("qty")
            .Items("lines", i => i.Value("price").Custom("size", "sz"))
            .Custom("check_in_date", "check_in").Custom("nights", "n")
            .Voucher("v").Voucher(null)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(mapping.Item!.Category, Is.EqualTo("cat"));
            Assert.That(mapping.Item.Value, Is.Null);
            Assert.That(mapping.Items!.Value, Is.EqualTo("price"));
            Assert.That(mapping.Items.Custom, Is.EqualTo(new[] { new CustomParameterMapping("size", "sz") }));
            Assert.That(mapping.Custom, Is.EqualTo(new[] { new CustomParameterMapping("check_in_date", "check_in"), new CustomParameterMapping("nights", "n") }));
            Assert.That(mapping.Voucher, Is.Null, "null unmaps a field");
            Assert.That(mapping.SourceColumns, Is.EquivalentTo(new Dictionary<string, string>
            {
                ["conversionRef"] = "id",
                ["clickRef"] = "click",
                ["item.category"] = "cat",
                ["item.quantity"] = "qty",
                ["items"] = "lines",
                ["custom.check_in_date"] = "check_in",
                ["custom.nights"] = "n",
            }));
        });
    }

    [Test]
    public void FromConfiguration_InMemorySection_ReadsEveryEntry()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Partnerize:Mapping:conversionRef"] = "order_id",
            ["Partnerize:Mapping:clickRef"] = "click_ref",
            ["Partnerize:Mapping:item:category"] = "category",
            ["Partnerize:Mapping:item:quantity"] = "qty",
            ["Partnerize:Mapping:item:value"] = "unit_price",
            ["Partnerize:Mapping:item:sku"] = "sku",
            ["Partnerize:Mapping:items:column"] = "line_items",
            ["Partnerize:Mapping:items:category"] = "cat",
            ["Partnerize:Mapping:items:quantity"] = "qty",
            ["Partnerize:Mapping:items:value"] = "price",
            ["Partnerize:Mapping:items:sku"] = "sku",
            ["Partnerize:Mapping:currency"] = "currency",
            ["Partnerize:Mapping:country"] = "country",
            ["Partnerize:Mapping:customerType"] = "customer_type",
            ["Partnerize:Mapping:voucher"] = "voucher_code",
            ["Partnerize:Mapping:customerRef"] = "customer_id",
            ["Partnerize:Mapping:fulfilmentDate"] = "fulfilled_on",
            ["Partnerize:Mapping:conversionTime"] = "ordered_at",
            ["Partnerize:Mapping:custom:check_in_date"] = "check_in",
        }).Build();

        AssertIsTheIssueMapping(ConversionMapping.FromConfiguration(configuration.GetSection("Partnerize:Mapping")));
    }

    [Test]
    public void FromConfiguration_AppSettingsJson_ReadsTheIssueShape()
    {
        var appSettings = "{ \"Partnerize\": { \"Mapping\": " + IssueJson + " } }";
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(appSettings))).Build();

        AssertIsTheIssueMapping(ConversionMapping.FromConfiguration(configuration.GetSection("Partnerize:Mapping")));
    }

    [Test]
    public void FromConfiguration_WrongSection_IsRefusedWithEveryProblem()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["M:conversionRef"] = "order_id",
            ["M:clickref:column"] = "click_ref",
            ["M:currency"] = "",
            ["M:vouchercode"] = "v",
            ["M:items"] = "lines",
            ["M:item:qty"] = "q",
            ["M:custom:currency"] = "c",
        }).Build();

        var exception = Assert.Throws<ConversionMappingException>(() => ConversionMapping.FromConfiguration(configuration.GetSection("M")))!;

        Assert.That(exception.Errors, Is.EquivalentTo(new[]
        {
            new ConversionMappingError("clickRef", "Expected a column name, found a section."),
            new ConversionMappingError("item.qty", "'qty' is not a setting of item; expected one of: category, quantity, value, sku."),
            new ConversionMappingError("items", "Expected a section, found the value 'lines'."),
            new ConversionMappingError("vouchercode", "'vouchercode' is not a setting of the mapping; expected one of: conversionRef, clickRef, item, items, currency, country, customerType, voucher, customerRef, fulfilmentDate, conversionTime, custom."),
            new ConversionMappingError("currency", "The column name is empty; name the column to read, or leave the entry out to not map the field."),
            new ConversionMappingError("custom.currency", "Custom parameter name 'currency' is a standard Partnerize parameter name; map that field directly or choose another name."),
        }));
    }

    [Test]
    public void FromConfiguration_MissingSection_IsRefusedForTheReferences()
    {
        var configuration = new ConfigurationBuilder().Build();

        var exception = Assert.Throws<ConversionMappingException>(() => ConversionMapping.FromConfiguration(configuration.GetSection("Partnerize:Mapping")))!;

        Assert.That(exception.Errors.Select(e => e.Entry), Is.EqualTo(new[] { "conversionRef", "clickRef" }));
    }

    private static void AssertIsTheIssueMapping(ConversionMapping mapping)
    {
        Assert.Multiple(() =>
        {
            Assert.That(mapping.ConversionRef, Is.EqualTo("order_id"));
            Assert.That(mapping.ClickRef, Is.EqualTo("click_ref"));
            Assert.That((mapping.Item?.Category, mapping.Item?.Quantity, mapping.Item?.Value, mapping.Item?.Sku), Is.EqualTo(("category", "qty", "unit_price", "sku")));
            Assert.That((mapping.Items?.Column, mapping.Items?.Category, mapping.Items?.Quantity, mapping.Items?.Value, mapping.Items?.Sku),
                Is.EqualTo(("line_items", "cat", "qty", "price", "sku")));
            Assert.That(mapping.Items?.Custom, Is.Empty);
            Assert.That(mapping.Currency, Is.EqualTo("currency"));
            Assert.That(mapping.Country, Is.EqualTo("country"));
            Assert.That(mapping.CustomerType, Is.EqualTo("customer_type"));
            Assert.That(mapping.Voucher, Is.EqualTo("voucher_code"));
            Assert.That(mapping.CustomerRef, Is.EqualTo("customer_id"));
            Assert.That(mapping.FulfilmentDate, Is.EqualTo("fulfilled_on"));
            Assert.That(mapping.ConversionTime, Is.EqualTo("ordered_at"));
            Assert.That(mapping.Custom, Is.EqualTo(new[] { new CustomParameterMapping("check_in_date", "check_in") }));
        });
    }
}
