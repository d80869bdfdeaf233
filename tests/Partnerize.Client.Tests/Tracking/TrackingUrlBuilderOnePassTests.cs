using System.Globalization;
using Partnerize.Client.Conversions;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Tests.Tracking;

/// <summary>
/// <see cref="TrackingUrlBuilder.TryBuild(ConversionBuilder, out string?, out IReadOnlyList{ConversionRejection})"/> and
/// <see cref="TrackingUrlBuilder.Build(ConversionBuilder)"/>: the URL and rejections of the model path, in one pass.
/// The properties in <see cref="TrackingUrlBuilderFusedProperties"/> compare them on generated builders; these tests pin
/// the cases by name.
/// </summary>
public class TrackingUrlBuilderOnePassTests
{
    private static readonly Uri PrfHost = new("https://prf.hn/");

    // "https://prf.hn/conversion/tracking_mode:api/campaign:10l176/conversionref:r/clickref:c/voucher:" and "/[category:a/quantity:1]".
    private const int LengthWithoutVoucherText = 95 + 24;

    [TestCase(8000, true)]
    [TestCase(8001, false)]
    public void TryBuild_BuilderAroundTheDefaultMaximum_BuildsOrRejectsAsUrlTooLong(int length, bool expected)
    {
        var builder = WithVoucherOf(length - LengthWithoutVoucherText);

        var built = new TrackingUrlBuilder(PrfHost, "10l176").TryBuild(builder, out var url, out var rejections);

        Assert.Multiple(() =>
        {
            Assert.That(built, Is.EqualTo(expected));
            Assert.That(url?.Length, Is.EqualTo(expected ? length : null));
            Assert.That(rejections.Select(r => (r.Code, r.Field, r.Message, r.ItemIndex)), Is.EqualTo(expected ? [] : new[]
            {
                ("url_too_long", "url",
                    "The tracking URL would be 8,001 characters long, over the maximum of 8,000 (PartnerizeOptions.MaxUrlLength); " +
                    "shorten the longest fields or split the items over several conversions.", (int?)null),
            }));
        });
    }

    [Test]
    public void Build_InvalidBuilder_ThrowsTheRejectionsOfConversionBuilderBuild()
    {
        var builder = new ConversionBuilder()
            .ClickRef("clk\uD800")
            .Currency("pounds")
            .Custom("currency", "x")
            .Custom("size", "M")
            .Custom("SIZE", "L")
            .AddItem("shoes", 0, -1m)
            .AddItem(null)
            .AddItem(new ConversionItemDraft { Category = " ", Quantity = "1.5", Value = "1e3" });
        var expected = Assert.Throws<ConversionRejectedException>(() => builder.Build());

        var exception = Assert.Throws<ConversionRejectedException>(() => new TrackingUrlBuilder(PrfHost, "10l176").Build(builder));

        Assert.Multiple(() =>
        {
            Assert.That(exception.Message, Is.EqualTo(expected.Message));
            Assert.That(exception.Rejections, Is.EqualTo(expected.Rejections));
            Assert.That(exception.Rejections.Select(r => r.Code), Is.EqualTo(new[]
            {
                "conversion_ref_missing", "text_malformed", "currency_invalid", "custom_key_reserved", "custom_key_duplicate",
                "item_quantity_invalid", "item_value_invalid", "item_field_missing", "item_field_missing", "item_quantity_invalid",
                "item_value_invalid",
            }));
        });
    }

    [Test]
    public void TryBuild_BuilderFromMappedDraft_KeepsTheMappingRejectionsAndColumns()
    {
        var draft = new ConversionDraft
        {
            ConversionRef = "ORD-1",
            ClickRef = "clk",
            Currency = "usd",
            Item = new ConversionItemDraft { Category = "shoes", Quantity = "x" },
            MappingRejections = [new ConversionRejection(RejectionCodes.ValueUnreadable, "conversionTime", "unreadable", Column: "sold_at")],
            SourceColumns = new Dictionary<string, string> { ["item.quantity"] = "qty", ["conversionTime"] = "sold_at" },
        };
        var builder = ConversionBuilder.From(draft);
        builder.TryBuild(out _, out var expected);

        var built = new TrackingUrlBuilder(PrfHost, "10l176").TryBuild(builder, out var url, out var rejections);

        Assert.Multiple(() =>
        {
            Assert.That(built, Is.False);
            Assert.That(url, Is.Null);
            Assert.That(rejections, Is.EqualTo(expected));
            Assert.That(rejections.Select(r => r.Column), Is.EqualTo(new[] { "sold_at", "qty" }));
        });
    }

    [Test]
    public void TryBuild_BuilderWithOwnValidator_BuildsTheUrlOfThatValidatorsConversion()
    {
        var validator = new RenamingValidator();
        var builder = new ConversionBuilder(validator).ConversionRef("ORD-1").ClickRef("clk").AddItem("shoes", 1);

        var built = new TrackingUrlBuilder(PrfHost, "10l176").TryBuild(builder, out var url, out var rejections);

        Assert.Multiple(() =>
        {
            Assert.That(built, Is.True);
            Assert.That(url, Is.EqualTo("https://prf.hn/conversion/tracking_mode:api/campaign:10l176/conversionref:RENAMED/clickref:clk/[category:shoes/quantity:1]"));
            Assert.That(rejections, Is.Empty);
            Assert.That(validator.Calls, Is.EqualTo(1));
        });
    }

    [Test]
    public void TryBuild_BuilderWithOwnValidatorThatRejects_GivesItsRejections()
    {
        var rejection = new ConversionRejection("house_rule", "voucher", "Vouchers are not sent.");
        var builder = new ConversionBuilder(new RejectingValidator(rejection)).ConversionRef("ORD-1").ClickRef("clk").AddItem("shoes", 1);

        var built = new TrackingUrlBuilder(PrfHost, "10l176").TryBuild(builder, out var url, out var rejections);

        Assert.Multiple(() =>
        {
            Assert.That(built, Is.False);
            Assert.That(url, Is.Null);
            Assert.That(rejections, Is.EqualTo(new[] { rejection }));
        });
    }

    [Test]
    public void TryBuild_Builder_LeavesItAsItWas()
    {
        var builder = new ConversionBuilder().ConversionRef(" ORD-1 ").ClickRef("clk").Currency("gbp").AddItem("shoes", 1, 4.50m).Custom("size", " M ");
        var before = builder.ToDraft();

        new TrackingUrlBuilder(PrfHost, "10l176").TryBuild(builder, out _, out _);

        Assert.That(builder.ToDraft(), Is.EqualTo(before).Using<ConversionDraft>((a, b) =>
            a with { Items = null, CustomParameters = null } == b with { Items = null, CustomParameters = null }
            && a.Items!.SequenceEqual(b.Items!) && a.CustomParameters!.SequenceEqual(b.CustomParameters!)));
    }

    [Test]
    public void TryBuild_ReusedBuilder_AllocatesOnlyTheUrlString()
    {
        var urls = new TrackingUrlBuilder(PrfHost, "10l176");
        var builder = new ConversionBuilder();
        string Row() => urls.Build(builder.Clear()
            .ConversionRef("ORD-2024-000123").ClickRef("1011l4pkbcDx9Q").Currency("GBP").Country("GB").CustomerType(CustomerType.New)
            .Voucher("SUMMER10").CustomerRef("CUST-88912").FulfilmentDate(new DateOnly(2024, 5, 3))
            .AddItem("shoes", 1, 59.99m, "SKU-10001").AddItem("socks", 3, 4.50m, "SKU-20417").AddItem("laces", 2, 2.00m, "SKU-30002")
            .Custom("sales_channel", "web").Custom("store_id", "LDN-04"));

        // The first rows grow the builder's lists and take the thread's buffer; from then on a row costs its URL only.
        for (var i = 0; i < 3; i++)
        {
            Row();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var url = Row();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(allocated, Is.EqualTo(StringBytes(url.Length)), url);
    }

    [TestCase("conversionRef", 2100)]
    [TestCase("clickRef", 5000)]
    [TestCase("voucher", 2100)]
    [TestCase("customerRef", 5000)]
    [TestCase("category", 2100)]
    [TestCase("sku", 5000)]
    [TestCase("custom", 2100)]
    public void TryBuild_PlainValueBeyondTheThreadBuffer_SameUrlAsTheModelPath(string field, int length)
    {
        // Unreserved text only: the groups that reserve their room at once (basket, typed item, custom parameter) must grow
        // the buffer for it.
        var text = string.Concat(Enumerable.Repeat("Ab9-._~", (length / 7) + 1))[..length];
        var builder = new ConversionBuilder()
            .ConversionRef(field == "conversionRef" ? text : "ORD-1")
            .ClickRef(field == "clickRef" ? text : "clk")
            .Voucher(field == "voucher" ? text : "V10")
            .CustomerRef(field == "customerRef" ? text : "C-1")
            .AddItem(field == "category" ? text : "shoes", 2, 19.99m, field == "sku" ? text : "SKU-1")
            .Custom("note", field == "custom" ? text : "n");

        AssertSameUrlAsTheModelPath(builder);
    }

    [Test]
    public void TryBuild_ManyPlainItemsBeyondTheThreadBuffer_SameUrlAsTheModelPath()
    {
        var builder = new ConversionBuilder().ConversionRef("ORD-1").ClickRef("clk").Currency("EUR");
        for (var i = 0; i < 80; i++)
        {
            builder.AddItem($"category-{i}-of-many-items", (i % 5) + 1, i % 3 == 0 ? null : 1.5m * i, i % 2 == 0 ? null : $"SKU-{i:D6}");
        }

        AssertSameUrlAsTheModelPath(builder);
    }

    [Test]
    public void TryBuild_LongestBasketAcrossTheEndOfTheThreadBuffer_SameUrlAsTheModelPath()
    {
        // The basket's room is reserved for its longest form, which this one has (every field, "existing", both dates):
        // with its end at every place around the end of the 2,048-character buffer, a reservation one short would throw.
        for (var voucher = 1750; voucher <= 1950; voucher++)
        {
            var builder = new ConversionBuilder().ConversionRef("ORD-1").ClickRef("clk").Currency("gbp").Country("gb")
                .CustomerType(CustomerType.Existing).Voucher(new string('v', voucher)).CustomerRef("C-1")
                .FulfilmentDate(new DateOnly(2024, 5, 3)).ConversionTime(new DateTimeOffset(2024, 5, 3, 10, 11, 12, TimeSpan.Zero))
                .AddItem("a", 1);

            AssertSameUrlAsTheModelPath(builder);
        }
    }

    [TestCase("7.9228162514264337593543950335")]
    [TestCase("0.0000000000000000000000000001")]
    [TestCase("79228162514264337593543950335")]
    public void TryBuild_LongestItemAcrossTheEndOfTheThreadBuffer_SameUrlAsTheModelPath(string value)
    {
        // A typed item's room is reserved for its longest numbers (a 30-character decimal, a 10-digit quantity): with the
        // item (and the custom parameter before it) ending at every place around the end of the 2,048-character buffer, a
        // reservation one short would throw.
        for (var custom = 1800; custom <= 2048; custom++)
        {
            var builder = new ConversionBuilder().ConversionRef("r").ClickRef("c").Custom("k", new string('w', custom))
                .AddItem("a", int.MaxValue, decimal.Parse(value, CultureInfo.InvariantCulture), "S");

            AssertSameUrlAsTheModelPath(builder);
        }
    }

    [Test]
    public void TryBuild_PlainTypedItemOfNegativeZero_SameUrlAsTheModelPath()
    {
        var builder = new ConversionBuilder().ConversionRef("r").ClickRef("c").AddItem("a", 1, new decimal(0, 0, 0, true, 2), "S");

        AssertSameUrlAsTheModelPath(builder);
    }

    [Test]
    public void TryBuild_BasketToTrimOrEscape_SameUrlAsTheModelPath()
    {
        // Not the plain basket (padding, lower case, text dates, escaping, non-ASCII): written value by value.
        var builder = new ConversionBuilder()
            .ConversionRef(" ORD/1 ").ClickRef("clk:ÅÄÖ").Currency("gbp").Country(" gb ").CustomerType("Existing")
            .Voucher("SUMMER 10%").CustomerRef("Müller & Söhne").FulfilmentDate(" 2024-05-03 ").ConversionTime("2024-05-03T10:11:12+02:00")
            .AddItem("Kleider & Röcke", 1, 59.99m, "SKU/1 🎉").AddItem("socks", 3)
            .Custom("store_name", "Grünwald [Süd]").Custom("blank", " ");

        AssertSameUrlAsTheModelPath(builder);
    }

    [Test]
    public void TryBuild_PlainBasketWithTypedDates_SameUrlAsTheModelPath()
    {
        var builder = new ConversionBuilder()
            .ConversionRef("ORD-1").ClickRef("clk").Currency("Gbp").Country("gB").CustomerType(CustomerType.Existing)
            .FulfilmentDate(new DateOnly(2024, 12, 31)).ConversionTime(new DateTimeOffset(2024, 5, 3, 23, 59, 59, 999, TimeSpan.FromHours(-7)))
            .AddItem("shoes", 1);

        AssertSameUrlAsTheModelPath(builder);
    }

    [TestCase(-0.01)]
    [TestCase(-59.99)]
    public void TryBuild_PlainTypedItemBelowZero_RejectsAsConversionBuilderBuild(double value)
    {
        var builder = new ConversionBuilder().ConversionRef("ORD-1").ClickRef("clk").AddItem("shoes", 1, (decimal)value, "SKU-1");
        builder.TryBuild(out _, out var expected);

        var built = new TrackingUrlBuilder(PrfHost, "10l176").TryBuild(builder, out var url, out var rejections);

        Assert.Multiple(() =>
        {
            Assert.That(built, Is.False);
            Assert.That(url, Is.Null);
            Assert.That(rejections, Is.EqualTo(expected).And.Not.Empty);
        });
    }

    private static void AssertSameUrlAsTheModelPath(ConversionBuilder builder)
    {
        var urls = new TrackingUrlBuilder(PrfHost, "10l176", maxLength: 100_000);
        var expected = urls.Build(builder.Build());

        var built = urls.TryBuild(builder, out var url, out var rejections);

        Assert.Multiple(() =>
        {
            Assert.That(built, Is.True, () => string.Join("; ", rejections));
            Assert.That(url, Is.EqualTo(expected));
        });
    }

    private static long StringBytes(int length) => (22 + (2 * length) + 7) / 8 * 8;

    private static ConversionBuilder WithVoucherOf(int length) =>
        new ConversionBuilder().ConversionRef("r").ClickRef("c").Voucher(new string('v', length)).AddItem("a", 1);

    private sealed class RenamingValidator : IConversionValidator
    {
        public int Calls { get; private set; }

        public ConversionValidationResult Validate(ConversionDraft draft)
        {
            Calls++;
            return ConversionValidator.Default.Validate(draft with { ConversionRef = "RENAMED" });
        }
    }

    private sealed class RejectingValidator(ConversionRejection rejection) : IConversionValidator
    {
        public ConversionValidationResult Validate(ConversionDraft draft) => ConversionValidationResult.Rejected([rejection]);
    }
}
