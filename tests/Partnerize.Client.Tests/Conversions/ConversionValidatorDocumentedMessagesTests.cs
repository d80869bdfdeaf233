using Partnerize.Client.Conversions;

namespace Partnerize.Client.Tests.Conversions;

/// <summary>
/// The four rejection messages of the product brief (wire contract 1.6), character for character, in each
/// situation the brief names. The expected strings are written out here on purpose, not taken from the library.
/// </summary>
public class ConversionValidatorDocumentedMessagesTests
{
    private const string ConversionRefMissing = "A conversion reference (order ID) is required for every Partnerize conversion.";
    private const string ClickRefMissing = "A click reference is required to attribute a Partnerize conversion.";
    private const string ItemsMissing = "Each conversion must include at least one item with a category and quantity.";
    private const string MissingCategory = "Conversion item is missing required field(s): category";
    private const string MissingQuantity = "Conversion item is missing required field(s): quantity";
    private const string MissingBoth = "Conversion item is missing required field(s): category, quantity";

    private static readonly ConversionItemDraft ValidItem = new() { Category = "shoes", Quantity = "1" };

    private static ConversionDraft ValidDraft() => new()
    {
        ConversionRef = "ORD-1",
        ClickRef = "click-1",
        Item = ValidItem,
    };

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("\t\r\n")]
    public void Validate_ConversionRefMissing_ReportsDocumentedMessage(string? conversionRef)
    {
        var result = ConversionValidator.Default.Validate(ValidDraft() with { ConversionRef = conversionRef });

        AssertSingle(result, new ConversionRejection("conversion_ref_missing", "conversionRef", ConversionRefMissing));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("\u00A0\u2003")]
    public void Validate_ClickRefMissing_ReportsDocumentedMessage(string? clickRef)
    {
        var result = ConversionValidator.Default.Validate(ValidDraft() with { ClickRef = clickRef });

        AssertSingle(result, new ConversionRejection("click_ref_missing", "clickRef", ClickRefMissing));
    }

    [Test]
    public void Validate_SingleItemWithoutCategory_ReportsMissingCategory()
    {
        var draft = ValidDraft() with { Item = new ConversionItemDraft { Quantity = "2", Sku = "SKU-1" } };

        var result = ConversionValidator.Default.Validate(draft);

        AssertSingle(result, new ConversionRejection("item_field_missing", "item.category", MissingCategory, 0));
    }

    [Test]
    public void Validate_SingleItemWithoutQuantity_ReportsMissingQuantity()
    {
        var draft = ValidDraft() with { Item = new ConversionItemDraft { Category = "shoes", Value = "10.00" } };

        var result = ConversionValidator.Default.Validate(draft);

        AssertSingle(result, new ConversionRejection("item_field_missing", "item.quantity", MissingQuantity, 0));
    }

    [Test]
    public void Validate_SingleItemWithOnlyValueAndSku_ReportsBothMissingInOrder()
    {
        var draft = ValidDraft() with { Item = new ConversionItemDraft { Value = "10.00", Sku = "SKU-1", Category = "  " } };

        var result = ConversionValidator.Default.Validate(draft);

        AssertSingle(result, new ConversionRejection("item_field_missing", "item", MissingBoth, 0));
    }

    [Test]
    public void Validate_ArrayEntryWithoutCategory_ReportsMissingCategoryWithItsIndex()
    {
        var draft = ValidDraft() with
        {
            Items = [ValidItem, ValidItem, new ConversionItemDraft { Quantity = "1", Sku = "B" }],
        };

        var result = ConversionValidator.Default.Validate(draft);

        AssertSingle(result, new ConversionRejection("item_field_missing", "items[2].category", MissingCategory, 2));
    }

    [Test]
    public void Validate_ArrayEntryWithoutQuantity_ReportsMissingQuantityWithItsIndex()
    {
        var draft = ValidDraft() with { Items = [new ConversionItemDraft { Category = "bags", Quantity = "" }, ValidItem] };

        var result = ConversionValidator.Default.Validate(draft);

        AssertSingle(result, new ConversionRejection("item_field_missing", "items[0].quantity", MissingQuantity, 0));
    }

    [Test]
    public void Validate_ArrayEntryWithNeither_ReportsBothMissingWithItsIndex()
    {
        var draft = ValidDraft() with { Items = [ValidItem, new ConversionItemDraft { Sku = "B", Value = "5" }] };

        var result = ConversionValidator.Default.Validate(draft);

        AssertSingle(result, new ConversionRejection("item_field_missing", "items[1]", MissingBoth, 1));
    }

    [Test]
    public void Validate_NullArrayEntry_ReportsBothMissingWithItsIndex()
    {
        var draft = ValidDraft() with { Items = [ValidItem, null] };

        var result = ConversionValidator.Default.Validate(draft);

        AssertSingle(result, new ConversionRejection("item_field_missing", "items[1]", MissingBoth, 1));
    }

    [Test]
    public void Validate_SeveralIncompleteEntries_ReportsEachWithItsOwnIndex()
    {
        var draft = ValidDraft() with
        {
            Items =
            [
                new ConversionItemDraft { Quantity = "1" },
                ValidItem,
                new ConversionItemDraft { Category = "hats" },
                new ConversionItemDraft(),
            ],
        };

        var result = ConversionValidator.Default.Validate(draft);

        Assert.That(result.Rejections.Shape(), Is.EqualTo(new[]
        {
            Rejections.Expect("item_field_missing", "items[0].category", MissingCategory, 0),
            Rejections.Expect("item_field_missing", "items[2].quantity", MissingQuantity, 2),
            Rejections.Expect("item_field_missing", "items[3]", MissingBoth, 3),
        }));
    }

    [Test]
    public void Validate_NoItemFieldsMapped_ReportsItemsMissing()
    {
        var result = ConversionValidator.Default.Validate(ValidDraft() with { Item = null, Items = null });

        AssertSingle(result, new ConversionRejection("items_missing", "items", ItemsMissing));
    }

    [Test]
    public void Validate_EmptyArrayAndNoSingleItem_ReportsItemsMissing()
    {
        var result = ConversionValidator.Default.Validate(ValidDraft() with { Item = null, Items = [] });

        AssertSingle(result, new ConversionRejection("items_missing", "items", ItemsMissing));
    }

    [Test]
    public void Validate_SingleItemFieldsAllBlank_ReportsItemsMissing()
    {
        var blank = new ConversionItemDraft
        {
            Category = " ",
            Quantity = "",
            Value = "\t",
            Sku = null,
            CustomParameters = [new CustomParameter("size", "  ")],
        };

        var result = ConversionValidator.Default.Validate(ValidDraft() with { Item = blank, Items = [] });

        AssertSingle(result, new ConversionRejection("items_missing", "items", ItemsMissing));
    }

    [Test]
    public void Validate_NothingAtAll_ReportsTheRequiredFieldsInContractOrder()
    {
        var result = ConversionValidator.Default.Validate(new ConversionDraft());

        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.False);
            Assert.That(result.Conversion, Is.Null);
            Assert.That(result.Rejections.Shape(), Is.EqualTo(new[]
            {
                Rejections.Expect("conversion_ref_missing", "conversionRef", ConversionRefMissing),
                Rejections.Expect("click_ref_missing", "clickRef", ClickRefMissing),
                Rejections.Expect("items_missing", "items", ItemsMissing),
            }));
        });
    }

    private static void AssertSingle(ConversionValidationResult result, ConversionRejection expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.False);
            Assert.That(result.Conversion, Is.Null);
            Assert.That(result.Rejections, Has.Count.EqualTo(1));
            if (result.Rejections.Count == 1)
            {
                var actual = result.Rejections[0];
                Assert.That(actual.Message, Is.EqualTo(expected.Message), "message");
                Assert.That(actual.Code, Is.EqualTo(expected.Code), "code");
                Assert.That(actual.Field, Is.EqualTo(expected.Field), "field");
                Assert.That(actual.ItemIndex, Is.EqualTo(expected.ItemIndex), "item index");
            }
        });
    }
}
