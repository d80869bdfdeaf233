using Partnerize.Client.Conversions;

namespace Partnerize.Client.Tests.Conversions;

public class ConversionBuilderTests
{
    [Test]
    public void Build_InvalidConversion_ThrowsCarryingEveryRejection()
    {
        var builder = new ConversionBuilder().ClickRef("click-1").Currency("pounds").AddItem("shoes", 0);

        var exception = Assert.Throws<ConversionRejectedException>(() => builder.Build());

        Assert.Multiple(() =>
        {
            Assert.That(exception.Rejections.Select(r => (r.Code, r.Field)), Is.EqualTo(new[]
            {
                ("conversion_ref_missing", "conversionRef"),
                ("currency_invalid", "currency"),
                ("item_quantity_invalid", "items[0].quantity"),
            }));
            Assert.That(exception.Message, Does.StartWith("The conversion was rejected for 3 reasons: "));
            Assert.That(exception.Message, Does.Contain(
                "conversionRef: A conversion reference (order ID) is required for every Partnerize conversion."));
        });
    }

    [Test]
    public void Build_OneRejection_ThrowsWithThatRejectionInTheMessage()
    {
        var builder = new ConversionBuilder().ConversionRef("ORD-1").ClickRef("click-1");

        var exception = Assert.Throws<ConversionRejectedException>(() => builder.Build());

        Assert.That(exception.Message, Is.EqualTo(
            "The conversion was rejected: items: Each conversion must include at least one item with a category and quantity."));
    }

    [Test]
    public void TryBuild_InvalidConversion_ReturnsFalseWithRejectionsAndDoesNotThrow()
    {
        var builder = new ConversionBuilder().ConversionRef("ORD-1").AddItem(new ConversionItemDraft { Category = "shoes" });

        bool built = true;
        Conversion? conversion = null;
        IReadOnlyList<ConversionRejection> rejections = [];
        Assert.DoesNotThrow(() => built = builder.TryBuild(out conversion, out rejections));

        Assert.Multiple(() =>
        {
            Assert.That(built, Is.False);
            Assert.That(conversion, Is.Null);
            Assert.That(rejections.Select(r => (r.Code, r.Field, r.ItemIndex)), Is.EqualTo(new[]
            {
                ("click_ref_missing", "clickRef", (int?)null),
                ("item_field_missing", "items[0].quantity", 0),
            }));
        });
    }

    [Test]
    public void TryBuild_ValidConversion_ReturnsTrueWithNoRejections()
    {
        var built = new ConversionBuilder().ConversionRef("ORD-1").ClickRef("c").AddItem("shoes", 1)
            .TryBuild(out var conversion, out var rejections);

        Assert.Multiple(() =>
        {
            Assert.That(built, Is.True);
            Assert.That(conversion, Is.Not.Null);
            Assert.That(rejections, Is.Empty);
        });
    }

    [Test]
    public void Build_MessyInput_TrimsAndNormalisesIntoTheModel()
    {
        var conversion = new ConversionBuilder()
            .ConversionRef("  ORD-1 ")
            .ClickRef("\tAbC-xYz\n")
            .Currency(" gbp ")
            .Country("gB")
            .CustomerType(" EXISTING ")
            .Voucher("  SUMMER 10  ")
            .CustomerRef("   ")
            .FulfilmentDate(" 2024-02-29 ")
            .ConversionTime("2024-05-01T01:30:15.987+02:00")
            .Custom("check_in_date", " 2024-06-01 ")
            .Custom("empty", "   ")
            .AddItem(new ConversionItemDraft
            {
                Category = " shoes ",
                Quantity = " 2.00 ",
                Value = " 042.50 ",
                Sku = "",
                CustomParameters = [new CustomParameter("size", " 10 "), new CustomParameter("colour", null)],
            })
            .AddItem(new ConversionItemDraft { Category = "gift", Quantity = "+1", Value = "-0.00" })
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(conversion.ConversionRef, Is.EqualTo("ORD-1"));
            Assert.That(conversion.ClickRef, Is.EqualTo("AbC-xYz"));
            Assert.That(conversion.Currency, Is.EqualTo("GBP"));
            Assert.That(conversion.Country, Is.EqualTo("GB"));
            Assert.That(conversion.CustomerType, Is.EqualTo(CustomerType.Existing));
            Assert.That(conversion.Voucher, Is.EqualTo("SUMMER 10"));
            Assert.That(conversion.CustomerRef, Is.Null);
            Assert.That(conversion.FulfilmentDate, Is.EqualTo(new DateOnly(2024, 2, 29)));
            Assert.That(conversion.ConversionTime, Is.EqualTo(new DateTimeOffset(2024, 4, 30, 23, 30, 15, TimeSpan.Zero)));
            Assert.That(conversion.ConversionTime?.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(conversion.CustomParameters, Is.EqualTo(new[] { new CustomParameter("check_in_date", "2024-06-01") }));
            Assert.That(conversion.Items, Has.Count.EqualTo(2));
            var first = conversion.Items[0];
            Assert.That(first.Category, Is.EqualTo("shoes"));
            Assert.That(first.Quantity, Is.EqualTo(2));
            Assert.That(first.Value, Is.EqualTo(42.50m));
            Assert.That(first.Value?.Scale, Is.EqualTo(2), "the scale of 42.50 is kept");
            Assert.That(first.Sku, Is.Null);
            Assert.That(first.CustomParameters, Is.EqualTo(new[] { new CustomParameter("size", "10") }));
            var second = conversion.Items[1];
            Assert.That(second.Quantity, Is.EqualTo(1));
            Assert.That(decimal.IsNegative(second.Value!.Value), Is.False, "negative zero loses its sign");
        });
    }

    [TestCase("new", CustomerType.New)]
    [TestCase("NEW", CustomerType.New)]
    [TestCase("Existing", CustomerType.Existing)]
    [TestCase("eXiStInG", CustomerType.Existing)]
    public void Build_CustomerTypeInAnyCase_IsRecognised(string text, CustomerType expected)
    {
        var conversion = Minimal().AddItem("shoes", 1).CustomerType(text).Build();

        Assert.That(conversion.CustomerType, Is.EqualTo(expected));
    }

    [Test]
    public void Build_TypedSetters_GiveTheSameConversionAsText()
    {
        var typed = Minimal()
            .CustomerType(CustomerType.New)
            .FulfilmentDate(new DateOnly(2024, 6, 30))
            .ConversionTime(new DateTimeOffset(2024, 5, 1, 13, 45, 7, 250, TimeSpan.FromHours(1)))
            .ItemCategory("shoes").ItemQuantity(3).ItemValue(19.90m).ItemSku("S-1")
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(typed.CustomerType, Is.EqualTo(CustomerType.New));
            Assert.That(typed.FulfilmentDate, Is.EqualTo(new DateOnly(2024, 6, 30)));
            Assert.That(typed.ConversionTime, Is.EqualTo(new DateTimeOffset(2024, 5, 1, 12, 45, 7, TimeSpan.Zero)));
            Assert.That(typed.Items.Single().Value?.ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo("19.90"));
            Assert.That(typed.Items.Single().Quantity, Is.EqualTo(3));
        });
    }

    [Test]
    public void ConversionTime_WithoutOffset_IsTakenAsUtc()
    {
        var conversion = Minimal().AddItem("shoes", 1).ConversionTime("2024-05-01 13:45:07").Build();

        Assert.That(conversion.ConversionTime, Is.EqualTo(new DateTimeOffset(2024, 5, 1, 13, 45, 7, TimeSpan.Zero)));
    }

    [Test]
    public void ToDraft_AfterFurtherChanges_KeepsTheSnapshot()
    {
        var builder = Minimal().AddItem("a", 1).Custom("k", "v");
        var draft = builder.ToDraft();

        builder.ConversionRef("other").AddItem("b", 2).Custom("k2", "v2");

        Assert.Multiple(() =>
        {
            Assert.That(draft.ConversionRef, Is.EqualTo("ORD-1"));
            Assert.That(draft.Items, Has.Count.EqualTo(1));
            Assert.That(draft.CustomParameters, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void From_Draft_BuildsTheSameConversion()
    {
        var draft = new ConversionDraft
        {
            ConversionRef = "ORD-1",
            ClickRef = "c",
            Currency = "eur",
            Items = [ConversionItemDraft.Create("shoes", 2, 10.5m, "S")],
            CustomParameters = [new CustomParameter("k", "v")],
        };

        var fromDraft = ConversionBuilder.From(draft).Build();

        Assert.Multiple(() =>
        {
            Assert.That(fromDraft.Currency, Is.EqualTo("EUR"));
            Assert.That(fromDraft.Items.Single().Value, Is.EqualTo(10.5m));
            Assert.That(fromDraft.CustomParameters.Single(), Is.EqualTo(new CustomParameter("k", "v")));
            Assert.That(ConversionBuilder.From(draft).ToDraft(), Is.EqualTo(draft).Using<ConversionDraft>(SameDraft));
        });
    }

    [Test]
    public void Build_WithCustomValidator_UsesIt()
    {
        var rejection = new ConversionRejection("house_rule", "voucher", "No vouchers on Sundays.");
        var builder = new ConversionBuilder(new RejectEverything(rejection)).ConversionRef("ORD-1").ClickRef("c").AddItem("a", 1);

        var exception = Assert.Throws<ConversionRejectedException>(() => builder.Build());

        Assert.That(exception.Rejections, Is.EqualTo(new[] { rejection }));
    }

    [Test]
    public void Constructor_NullValidator_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => _ = new ConversionBuilder(null!));
    }

    private static ConversionBuilder Minimal() => new ConversionBuilder().ConversionRef("ORD-1").ClickRef("c");

    private static bool SameDraft(ConversionDraft a, ConversionDraft b) =>
        a.ConversionRef == b.ConversionRef && a.ClickRef == b.ClickRef && a.Currency == b.Currency &&
        a.Items!.SequenceEqual(b.Items!) && a.CustomParameters!.SequenceEqual(b.CustomParameters!);

    private sealed class RejectEverything(ConversionRejection rejection) : IConversionValidator
    {
        public ConversionValidationResult Validate(ConversionDraft draft) => ConversionValidationResult.Rejected([rejection]);
    }
}
