using System.Globalization;
using Partnerize.Client.Conversions;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Tests.Tracking;

/// <summary>
/// The URL does not depend on the machine's culture (wire contract 1.3): German and French write decimals with a
/// comma and group with dots or spaces, and Turkish upper-cases <c>i</c> to <c>İ</c> and lower-cases <c>I</c> to <c>ı</c>.
/// </summary>
public class TrackingUrlBuilderCultureTests
{
    // Hand-written from the contract, like the golden URLs: the same text is expected under every culture.
    private const string Expected =
        "https://prf.hn/conversion/tracking_mode:api/campaign:10l176/conversionref:ORD-i-I/clickref:clickIdI" +
        "/currency:TRY/country:IT/customertype:existing/voucher:I%C4%B0%C4%B1i/fulfilment_date:2024-10-29" +
        "/conversion_time:2024-10-29%2009%3A05%3A00/Item_ID:id-I/Title_i:Istanbul" +
        "/[category:Kitap%20%C4%B0/sku:SKU-i/value:1234.50/quantity:1200/size_I:XI]" +
        "[category:indirim/value:0.99/quantity:2][category:fiyat/value:42.50/quantity:1]";

    public static IEnumerable<string> Cultures() => ["de-DE", "fr-FR", "tr-TR", "ar-SA", "hi-IN"];

    [Test]
    public void Build_InvariantCulture_GivesTheHandWrittenUrl()
    {
        using (new CultureScope(CultureInfo.InvariantCulture))
        {
            Assert.That(BuildUrl(), Is.EqualTo(Expected));
        }
    }

    [TestCaseSource(nameof(Cultures))]
    public void Build_UnderCurrentCulture_GivesTheSameUrlAsInvariant(string culture)
    {
        string invariant;
        using (new CultureScope(CultureInfo.InvariantCulture))
        {
            invariant = BuildUrl();
        }

        string local;
        using (new CultureScope(CultureInfo.GetCultureInfo(culture)))
        {
            local = BuildUrl();
        }

        Assert.Multiple(() =>
        {
            Assert.That(local, Is.EqualTo(invariant));
            Assert.That(local, Is.EqualTo(Expected));
        });
    }

    [TestCaseSource(nameof(Cultures))]
    public void Validate_LocalDecimalComma_IsRejectedUnderEveryCulture(string culture)
    {
        using (new CultureScope(CultureInfo.GetCultureInfo(culture)))
        {
            var result = new ConversionBuilder()
                .ConversionRef("r")
                .ClickRef("c")
                .AddItem(new ConversionItemDraft { Category = "a", Quantity = "1", Value = "42,50" })
                .Validate();

            Assert.That(result.Rejections.Select(r => r.Code), Is.EqualTo(new[] { "item_value_invalid" }));
        }
    }

    [TestCaseSource(nameof(Cultures))]
    public void Validate_TurkishI_CustomerTypeAndReservedKeysMatchUnderEveryCulture(string culture)
    {
        using (new CultureScope(CultureInfo.GetCultureInfo(culture)))
        {
            var result = new ConversionBuilder()
                .ConversionRef("r")
                .ClickRef("c")
                .CustomerType("EXISTING")
                .Custom("CLICKREF", "x")
                .Custom("Quantity", "y")
                .AddItem("a", 1)
                .Validate();

            Assert.That(result.Rejections.Select(r => (r.Code, r.Field)), Is.EqualTo(new[]
            {
                ("custom_key_reserved", "custom.CLICKREF"),
                ("custom_key_reserved", "custom.Quantity"),
            }));
        }
    }

    [TestCaseSource(nameof(Cultures))]
    public void UrlTooLong_Message_UsesInvariantDigitsUnderEveryCulture(string culture)
    {
        using (new CultureScope(CultureInfo.GetCultureInfo(culture)))
        {
            var conversion = new ConversionBuilder().ConversionRef("r").ClickRef("c").Voucher(new string('v', 20000)).AddItem("a", 1).Build();

            new TrackingUrlBuilder(new Uri("https://prf.hn/"), "10l176").TryBuild(conversion, out _, out var rejection);

            Assert.That(rejection?.Message, Does.StartWith("The tracking URL would be 20,119 characters long, over the maximum of 8,000 "));
        }
    }

    private static string BuildUrl()
    {
        // Typed values go through the culture-sensitive paths: decimal and DateOnly to text, and back.
        var conversion = new ConversionBuilder()
            .ConversionRef("ORD-i-I")
            .ClickRef("clickIdI")
            .Currency("try")
            .Country("it")
            .CustomerType("EXISTING")
            .Voucher("Iİıi")
            .FulfilmentDate(new DateOnly(2024, 10, 29))
            .ConversionTime(new DateTimeOffset(2024, 10, 29, 12, 5, 0, TimeSpan.FromHours(3)))
            .Custom("Item_ID", "id-I")
            .Custom("Title_i", "Istanbul")
            .AddItem(new ConversionItemDraft
            {
                Category = "Kitap İ",
                Quantity = "1200",
                Value = 1234.50m.ToString(CultureInfo.InvariantCulture),
                Sku = "SKU-i",
                CustomParameters = [new CustomParameter("size_I", "XI")],
            })
            .AddItem("indirim", 2, 0.99m)
            .AddItem("fiyat", 1, 42.50m)
            .Build();

        return new TrackingUrlBuilder(new Uri("https://prf.hn/"), "10l176").Build(conversion);
    }

    /// <summary>Sets the current culture and UI culture, and puts the previous ones back.</summary>
    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(CultureInfo culture)
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
