using Partnerize.Client.Conversions;
using Partnerize.Client.Mapping;
using static Partnerize.Client.Tests.Mapping.MappingTestData;

namespace Partnerize.Client.Tests.Mapping;

/// <summary>One flow, row to draft to validation: mapping problems first, each field once, each with its column.</summary>
public class MappedDraftValidationTests
{
    private static readonly ConversionMapping SingleItem = ConversionMapping.CreateBuilder()
        .ConversionRef("id").ClickRef("click").ItemCategory("cat").ItemQuantity("qty").ItemValue("price")
        .Currency("cur").Custom("nights", "n")
        .Build();

    [Test]
    public void Validate_DraftWithoutMappingInformation_BehavesAsBefore()
    {
        var draft = new ConversionBuilder().Currency("EURO").Item(new ConversionItemDraft { Category = "c" }).ToDraft();

        var rejections = RejectionsOf(draft);

        Assert.That(rejections, Is.EqualTo(new[]
        {
            new ConversionRejection(RejectionCodes.ConversionRefMissing, "conversionRef", "A conversion reference (order ID) is required for every Partnerize conversion."),
            new ConversionRejection(RejectionCodes.ClickRefMissing, "clickRef", "A click reference is required to attribute a Partnerize conversion."),
            new ConversionRejection(RejectionCodes.CurrencyInvalid, "currency", "Currency must be a three-letter ISO 4217 code such as USD; got 'EURO'.", null),
            new ConversionRejection(RejectionCodes.ItemFieldMissing, "item.quantity", "Conversion item is missing required field(s): quantity", 0),
        }));
    }

    [Test]
    public void Validate_MappedDraft_NamesTheSourceColumnOfEachRejection()
    {
        var rejections = RejectionsOf(SingleItem.Map(new Dictionary<string, object?> { ["cur"] = "EURO", ["cat"] = "c", ["price"] = "-1" }));

        Assert.That(rejections.Select(r => (r.Field, r.Column)), Is.EqualTo(new (string, string?)[]
        {
            ("conversionRef", "id"),
            ("clickRef", "click"),
            ("currency", "cur"),
            ("item.quantity", "qty"),
            ("item.value", "price"),
        }));
    }

    [Test]
    public void Validate_NoItemColumnsHoldAnything_ItemsMissingHasTheDocumentedMessage()
    {
        var rejections = RejectionsOf(SingleItem.Map(new Dictionary<string, object?> { ["id"] = "A", ["click"] = "b" }));

        Assert.That(rejections, Is.EqualTo(new[]
        {
            new ConversionRejection(RejectionCodes.ItemsMissing, "items", "Each conversion must include at least one item with a category and quantity."),
        }));
    }

    [Test]
    public void Validate_UnreadableQuantityAndMissingCategory_ReportsEachFieldOnce()
    {
        var rejections = RejectionsOf(SingleItem.Map(new Dictionary<string, object?> { ["id"] = "A", ["click"] = "b", ["qty"] = new DateTime(2024, 1, 1) }));

        Assert.That(rejections.Select(r => (r.Code, r.Field, r.Message)), Is.EqualTo(new[]
        {
            (RejectionCodes.ValueUnreadable, "item.quantity", "Column 'qty' holds '2024-01-01T00:00:00.0000000' (DateTime), which cannot be read as item.quantity: expected a number or numeric text."),
            (RejectionCodes.ItemFieldMissing, "item.category", "Conversion item is missing required field(s): category"),
        }));
    }

    [Test]
    public void Validate_UnreadableCustomValue_IsReportedAndNothingElse()
    {
        var rejections = RejectionsOf(SingleItem.Map(new Dictionary<string, object?>
        {
            ["id"] = "A", ["click"] = "b", ["cat"] = "c", ["qty"] = 1, ["n"] = new byte[2],
        }));

        Assert.That(rejections, Is.EqualTo(new[]
        {
            new ConversionRejection(RejectionCodes.ValueUnreadable, "custom.nights",
                "Column 'n' holds a Byte[] of 2 bytes, which cannot be read as custom.nights: expected text, a number, a boolean or a date.", null, "n"),
        }));
    }

    [Test]
    public void From_MappedDraftAmendedInTheBuilder_StaysRejected()
    {
        var draft = SingleItem.Map(new Dictionary<string, object?> { ["id"] = "A", ["click"] = "b", ["cat"] = "c", ["qty"] = 1, ["cur"] = new byte[1] });

        var amended = ConversionBuilder.From(draft).Currency("GBP");

        Assert.Multiple(() =>
        {
            Assert.That(amended.TryBuild(out _, out var rejections), Is.False);
            Assert.That(rejections.Single().Code, Is.EqualTo(RejectionCodes.ValueUnreadable));
        });
    }

    [Test]
    public void ToString_RejectionWithAColumn_NamesTheColumn()
    {
        var rejection = new ConversionRejection(RejectionCodes.CurrencyInvalid, "currency", "Currency must be ...", null, "cur");

        Assert.Multiple(() =>
        {
            Assert.That(rejection.ToString(), Is.EqualTo("currency (column 'cur'): Currency must be ..."));
            Assert.That((rejection with { Column = null }).ToString(), Is.EqualTo("currency: Currency must be ..."));
        });
    }
}
