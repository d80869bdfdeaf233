using Partnerize.Client.Conversions;
using Partnerize.Client.Testing;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Tests.Tracking;

/// <summary>
/// Golden URLs: every expected URL below was written by hand from wire contract 1.2 (grammar and order) and 1.3
/// (escaping: only <c>A-Z a-z 0-9 - . _ ~</c> stay, everything else is upper-case <c>%XX</c> of its UTF-8 bytes).
/// Never regenerate them by running the code: a difference is a bug until proven otherwise.
/// </summary>
public class TrackingUrlBuilderGoldenTests
{
    private const string Prf = "https://prf.hn/conversion/tracking_mode:api/campaign:10l176";

    private static readonly Uri PrfHost = new("https://prf.hn/");

    public static IEnumerable<TestCaseData> Cases()
    {
        yield return Golden(
            "SingleItem_RequiredFieldsOnly",
            () => Start("ORD-1001", "1011l4pkbcD").ItemCategory("shoes").ItemQuantity(1),
            Prf + "/conversionref:ORD-1001/clickref:1011l4pkbcD/[category:shoes/quantity:1]");

        yield return Golden(
            "SingleItem_EveryItemField",
            () => Start("ORD-1001", "1011l4pkbcD").ItemSku("SKU-1").ItemValue(59.99m).ItemQuantity(2).ItemCategory("shoes"),
            Prf + "/conversionref:ORD-1001/clickref:1011l4pkbcD/[category:shoes/sku:SKU-1/value:59.99/quantity:2]");

        yield return Golden(
            "SeveralItems_GroupsSideBySideInOrder",
            () => Start("ORD-2", "clk")
                .AddItem("shoes", 1, 59.99m, "SKU-1")
                .AddItem("socks", 3)
                .AddItem("gift_card", 1, 0m)
                .AddItem(new ConversionItemDraft { Category = "bag", Quantity = "1", Sku = "B.1~x" }),
            Prf + "/conversionref:ORD-2/clickref:clk/" +
            "[category:shoes/sku:SKU-1/value:59.99/quantity:1][category:socks/quantity:3]" +
            "[category:gift_card/value:0/quantity:1][category:bag/sku:B.1~x/quantity:1]");

        yield return Golden(
            "EveryBasketField_InContractOrder",
            () => Start("ORD-1", "clk")
                .Currency("GBP")
                .Country("GB")
                .CustomerType(CustomerType.Existing)
                .Voucher("SUMMER10")
                .CustomerRef("CUST-42")
                .FulfilmentDate(new DateOnly(2024, 6, 30))
                .ConversionTime(new DateTimeOffset(2024, 5, 1, 13, 45, 7, TimeSpan.Zero))
                .AddItem("shoes", 1),
            Prf + "/conversionref:ORD-1/clickref:clk/currency:GBP/country:GB/customertype:existing/voucher:SUMMER10" +
            "/custref:CUST-42/fulfilment_date:2024-06-30/conversion_time:2024-05-01%2013%3A45%3A07/[category:shoes/quantity:1]");

        yield return Golden(
            "BasketFields_SetInReverse_StillInContractOrder",
            () => new ConversionBuilder()
                .AddItem("a", 1)
                .Custom("k", "v")
                .FulfilmentDate("2024-02-29")
                .Voucher("V1")
                .CustomerType("new")
                .Country("fr")
                .ClickRef("c")
                .ConversionRef("r"),
            Prf + "/conversionref:r/clickref:c/country:FR/customertype:new/voucher:V1/fulfilment_date:2024-02-29/k:v/[category:a/quantity:1]");

        yield return Golden(
            "ConversionTime_WithOffsetAndFraction_SentInUtcToWholeSeconds",
            () => Start("r", "c").ConversionTime("2024-05-01T01:30:15.987+02:00").AddItem("a", 1),
            Prf + "/conversionref:r/clickref:c/conversion_time:2024-04-30%2023%3A30%3A15/[category:a/quantity:1]");

        yield return Golden(
            "BasketCustomParameters_AfterBasketFieldsInMappedOrder",
            () => Start("r", "c")
                .Custom("check_in_date", "2024-06-01")
                .Custom("nights", "3")
                .Custom("Room_Type", "Deluxe Suite")
                .Currency("EUR")
                .AddItem("hotel", 1, 240.00m),
            Prf + "/conversionref:r/clickref:c/currency:EUR/check_in_date:2024-06-01/nights:3/Room_Type:Deluxe%20Suite" +
            "/[category:hotel/value:240.00/quantity:1]");

        yield return Golden(
            "CustomParameters_AtBasketAndItemLevel",
            () => Start("r", "c")
                .Custom("promo", "spring")
                .AddItem(new ConversionItemDraft
                {
                    Category = "shoes",
                    Quantity = "1",
                    Value = "10",
                    Sku = "S1",
                    CustomParameters = [new CustomParameter("size", "10 UK"), new CustomParameter("colour", "red")],
                })
                .AddItem(new ConversionItemDraft { Category = "hat", Quantity = "2", CustomParameters = [new CustomParameter("size", "M")] }),
            Prf + "/conversionref:r/clickref:c/promo:spring/" +
            "[category:shoes/sku:S1/value:10/quantity:1/size:10%20UK/colour:red][category:hat/quantity:2/size:M]");

        yield return Golden(
            "EmptyAndWhiteSpaceFields_LeftOutEntirely",
            () => Start("ORD-1", "clk")
                .Currency(string.Empty)
                .Country("  ")
                .CustomerType(" ")
                .Voucher(string.Empty)
                .CustomerRef("\t")
                .FulfilmentDate(" ")
                .ConversionTime(string.Empty)
                .Custom("note", "  ")
                .Custom("gift", null)
                .AddItem(new ConversionItemDraft
                {
                    Category = "shoes",
                    Quantity = "1",
                    Value = " ",
                    Sku = string.Empty,
                    CustomParameters = [new CustomParameter("size", "\u00A0")],
                }),
            Prf + "/conversionref:ORD-1/clickref:clk/[category:shoes/quantity:1]");

        yield return Golden(
            "PaddedValues_Trimmed",
            () => Start("  ORD-1 \t", "\nAbC ")
                .Voucher(" V 1 ")
                .Custom("k", "  v  ")
                .ItemCategory(" shoes ")
                .ItemQuantity(" 2 ")
                .ItemSku("  SKU  ")
                .ItemValue(" 5.00 "),
            Prf + "/conversionref:ORD-1/clickref:AbC/voucher:V%201/k:v/[category:shoes/sku:SKU/value:5.00/quantity:2]");

        yield return Golden(
            "Unicode_MultiByteAndSurrogatePairs_AsUtf8Bytes",
            () => Start("r", "c")
                .Voucher("ÉTÉ€")
                .CustomerRef("中文")
                .AddItem(new ConversionItemDraft
                {
                    Category = "Bücher",
                    Quantity = "1",
                    Sku = "\U0001F600",
                    CustomParameters = [new CustomParameter("note", "\U0001D11E ß")],
                }),
            Prf + "/conversionref:r/clickref:c/voucher:%C3%89T%C3%89%E2%82%AC/custref:%E4%B8%AD%E6%96%87" +
            "/[category:B%C3%BCcher/sku:%F0%9F%98%80/quantity:1/note:%F0%9D%84%9E%20%C3%9F]");

        yield return Golden(
            "Delimiters_EscapedSoNoValueAddsAParameter",
            () => Start("A][category:free", "a:b")
                .Voucher("X/commission:999")
                .CustomerRef("50% off?#&+ =")
                .AddItem("a+b c", 1, sku: "[1]/2"),
            Prf + "/conversionref:A%5D%5Bcategory%3Afree/clickref:a%3Ab/voucher:X%2Fcommission%3A999" +
            "/custref:50%25%20off%3F%23%26%2B%20%3D/[category:a%2Bb%20c/sku:%5B1%5D%2F2/quantity:1]");

        yield return Golden(
            "OtherPunctuationAndControlCharacters_Escaped_UnreservedKept",
            () => Start("Az09-._~", "c")
                .Voucher("!*'();@$,\"<>\\^`{|}")
                .CustomerRef("a\tb\u0001c\u007Fd")
                .AddItem("a", 1),
            Prf + "/conversionref:Az09-._~/clickref:c/voucher:%21%2A%27%28%29%3B%40%24%2C%22%3C%3E%5C%5E%60%7B%7C%7D" +
            "/custref:a%09b%01c%7Fd/[category:a/quantity:1]");

        yield return Golden(
            "BrandSubdomain_BaseAddress",
            new Uri("https://brand.prf.hn"),
            "10l176",
            () => Start("r", "c").AddItem("a", 1),
            "https://brand.prf.hn/conversion/tracking_mode:api/campaign:10l176/conversionref:r/clickref:c/[category:a/quantity:1]");

        yield return Golden(
            "BaseAddressWithPath_TrailingSlash",
            new Uri("https://track.example.com/partnerize/"),
            "10l176",
            () => Start("r", "c").AddItem("a", 1),
            "https://track.example.com/partnerize/conversion/tracking_mode:api/campaign:10l176/conversionref:r/clickref:c/[category:a/quantity:1]");

        yield return Golden(
            "BaseAddressWithPath_NoTrailingSlash",
            new Uri("https://track.example.com/partnerize"),
            "10l176",
            () => Start("r", "c").AddItem("a", 1),
            "https://track.example.com/partnerize/conversion/tracking_mode:api/campaign:10l176/conversionref:r/clickref:c/[category:a/quantity:1]");

        yield return Golden(
            "LoopbackBaseAddressWithPort",
            new Uri("http://127.0.0.1:5001/"),
            "10l176",
            () => Start("r", "c").AddItem("a", 1),
            "http://127.0.0.1:5001/conversion/tracking_mode:api/campaign:10l176/conversionref:r/clickref:c/[category:a/quantity:1]");

        yield return Golden(
            "CampaignId_TrimmedAndEscaped",
            PrfHost,
            " 10l/176 ",
            () => Start("r", "c").AddItem("a", 1),
            "https://prf.hn/conversion/tracking_mode:api/campaign:10l%2F176/conversionref:r/clickref:c/[category:a/quantity:1]");

        yield return Golden(
            "Case_ClickRefKept_CurrencyCountryUpper_CustomerTypeLower",
            () => Start("Ord-Mixed", "AbCdEf-123-xYZ").Currency("uSd").Country("de").CustomerType("NEW").AddItem("Shoes", 1, sku: "sKu"),
            Prf + "/conversionref:Ord-Mixed/clickref:AbCdEf-123-xYZ/currency:USD/country:DE/customertype:new/[category:Shoes/sku:sKu/quantity:1]");

        yield return Golden(
            "Decimals_ScaleKept_InvariantCulture",
            () => Start("r", "c")
                .AddItem("a", 1, 42.50m)
                .AddItem("b", 1, 0.10m)
                .AddItem("c", 1, 1234567.891m)
                .AddItem(new ConversionItemDraft { Category = "d", Quantity = "2.00", Value = "19.9" })
                .AddItem(new ConversionItemDraft { Category = "e", Quantity = "1", Value = "0.00" })
                .AddItem(new ConversionItemDraft { Category = "f", Quantity = "1", Value = "-0" }),
            Prf + "/conversionref:r/clickref:c/[category:a/value:42.50/quantity:1][category:b/value:0.10/quantity:1]" +
            "[category:c/value:1234567.891/quantity:1][category:d/value:19.9/quantity:2][category:e/value:0.00/quantity:1]" +
            "[category:f/value:0/quantity:1]");

        yield return Golden(
            "Numbers_AtTheirLimits",
            () => Start("r", "c")
                .AddItem("max", int.MaxValue, decimal.MaxValue)
                .AddItem(new ConversionItemDraft { Category = "tiny", Quantity = "1", Value = "0.0000000000000000000000000001" }),
            Prf + "/conversionref:r/clickref:c/[category:max/value:79228162514264337593543950335/quantity:2147483647]" +
            "[category:tiny/value:0.0000000000000000000000000001/quantity:1]");
    }

    [TestCaseSource(nameof(Cases))]
    public void Build_Conversion_GivesTheHandWrittenUrl(Uri baseAddress, string campaignId, Func<ConversionBuilder> conversion, string expected)
    {
        var url = new TrackingUrlBuilder(baseAddress, campaignId).Build(conversion().Build());

        Assert.That(url, Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(Cases))]
    public void Build_Builder_GivesTheHandWrittenUrlInOnePass(Uri baseAddress, string campaignId, Func<ConversionBuilder> conversion, string expected)
    {
        var url = new TrackingUrlBuilder(baseAddress, campaignId).Build(conversion());

        Assert.That(url, Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(Cases))]
    public void Parse_GoldenUrl_IsAcceptedByTheStrictParser(Uri baseAddress, string campaignId, Func<ConversionBuilder> conversion, string expected)
    {
        Assert.That(TrackingUrlParser.TryParse(expected, out _, out var error), Is.True, error);
    }

    [Test]
    public void Build_SameBuilderTwice_GivesTheSameUrl()
    {
        var builder = new TrackingUrlBuilder(PrfHost, "10l176");
        var conversion = Start("r", "c").Voucher("ü x").AddItem("a", 1).Build();

        var first = builder.Build(conversion);
        var second = builder.Build(conversion);

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Build_UrlLongerThanTheStackBuffer_IsComplete()
    {
        // 300 "€" escape to 2,700 characters: the writer has to move from its stack buffer to a pooled array.
        var voucher = new string('€', 300);
        var conversion = Start("r", "c").Voucher(voucher).AddItem("a", 1).Build();

        var url = new TrackingUrlBuilder(PrfHost, "10l176").Build(conversion);

        Assert.That(url, Is.EqualTo(
            Prf + "/conversionref:r/clickref:c/voucher:" + string.Concat(Enumerable.Repeat("%E2%82%AC", 300)) + "/[category:a/quantity:1]"));
    }

    private static ConversionBuilder Start(string conversionRef, string clickRef) =>
        new ConversionBuilder().ConversionRef(conversionRef).ClickRef(clickRef);

    private static TestCaseData Golden(string name, Func<ConversionBuilder> conversion, string expected) =>
        Golden(name, PrfHost, "10l176", conversion, expected);

    private static TestCaseData Golden(string name, Uri baseAddress, string campaignId, Func<ConversionBuilder> conversion, string expected) =>
        new TestCaseData(baseAddress, campaignId, conversion, expected).SetArgDisplayNames(name);
}
