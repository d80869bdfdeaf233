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
