using Partnerize.Client.Conversions;
using Partnerize.Client.Testing;

namespace Partnerize.Client.Tests.Testing;

/// <summary>
/// The strict parser must refuse anything <c>TrackingUrlBuilder</c> is not allowed to produce, otherwise the
/// round-trip properties that rely on it prove nothing.
/// </summary>
public class TrackingUrlParserTests
{
    private const string Prefix = "https://prf.hn/conversion/tracking_mode:api/campaign:10l176";
    private const string Basket = Prefix + "/conversionref:ORD-1/clickref:AbC/currency:GBP/voucher:X%2F1/gift:yes";
    private const string Items = "/[category:shoes/sku:S-1/value:42.50/quantity:2/size:10%20UK][category:B%C3%BCcher/quantity:1]";
    private const string Valid = Basket + Items;

    [Test]
    public void Parse_ValidUrl_DecodesEveryParameterInOrder()
    {
        var parsed = TrackingUrlParser.Parse(Valid);

        Assert.Multiple(() =>
        {
            Assert.That(parsed.CampaignId, Is.EqualTo("10l176"));
            Assert.That(parsed.ConversionRef, Is.EqualTo("ORD-1"));
            Assert.That(parsed.ClickRef, Is.EqualTo("AbC"));
            Assert.That(parsed.Parameters, Is.EqualTo(new[]
            {
                Pair("conversionref", "ORD-1"), Pair("clickref", "AbC"), Pair("currency", "GBP"), Pair("voucher", "X/1"), Pair("gift", "yes"),
            }));
            Assert.That(parsed.Items, Has.Count.EqualTo(2));
            Assert.That(parsed.Items[0], Is.EqualTo(new[]
            {
                Pair("category", "shoes"), Pair("sku", "S-1"), Pair("value", "42.50"), Pair("quantity", "2"), Pair("size", "10 UK"),
            }));
            Assert.That(parsed.Items[1], Is.EqualTo(new[] { Pair("category", "Bücher"), Pair("quantity", "1") }));
        });
    }

    [Test]
    public void Parse_PathOnly_IsAccepted()
    {
        var parsed = TrackingUrlParser.Parse("/conversion/tracking_mode:api/campaign:10l176/conversionref:r/clickref:c/[category:a/quantity:1]");

        Assert.That(parsed.ConversionRef, Is.EqualTo("r"));
    }

    [Test]
    public void Parse_BaseAddressWithPath_IsAccepted()
    {
        var parsed = TrackingUrlParser.Parse("https://t.example.com/p/conversion/tracking_mode:api/campaign:10l176/conversionref:r/clickref:c/[category:a/quantity:1]");

        Assert.That(parsed.CampaignId, Is.EqualTo("10l176"));
    }

    [Test]
    public void Parse_SurrogatePairEscapes_DecodeToTheSameString()
    {
        var parsed = TrackingUrlParser.Parse(Prefix + "/conversionref:%F0%9F%98%80/clickref:c/[category:a/quantity:1]");

        Assert.That(parsed.ConversionRef, Is.EqualTo("\U0001F600"));
    }

    [Test]
    public void ToDraft_ValidUrl_GivesBackTheConversion()
    {
        var conversion = ConversionValidator.Default.Validate(TrackingUrlParser.Parse(Valid).ToDraft()).Conversion;

        Assert.Multiple(() =>
        {
            Assert.That(conversion, Is.Not.Null);
            Assert.That(conversion!.Voucher, Is.EqualTo("X/1"));
            Assert.That(conversion.Currency, Is.EqualTo("GBP"));
            Assert.That(conversion.CustomParameters, Is.EqualTo(new[] { new CustomParameter("gift", "yes") }));
            Assert.That(conversion.Items[0].Value, Is.EqualTo(42.50m));
            Assert.That(conversion.Items[0].CustomParameters, Is.EqualTo(new[] { new CustomParameter("size", "10 UK") }));
            Assert.That(conversion.Items[1].Category, Is.EqualTo("Bücher"));
        });
    }

    public static IEnumerable<TestCaseData> Malformed()
    {
        // Each row breaks exactly one rule of the grammar; the fragment is a word the error has to contain.
        yield return Bad("EmptyBasketValue", Prefix + "/conversionref:ORD-1/clickref:AbC/voucher:" + Items, "empty value");
        yield return Bad("EmptyItemValue", Prefix + "/conversionref:r/clickref:c/[category:a/sku:/quantity:1]", "empty value");
        yield return Bad("EmptyCampaign", "https://prf.hn/conversion/tracking_mode:api/campaign:/conversionref:r/clickref:c" + Items, "empty");
        yield return Bad("RepeatedBasketKey", Basket + "/gift:no" + Items, "twice");
        yield return Bad("RepeatedStandardKey", Prefix + "/conversionref:r/conversionref:s/clickref:c" + Items, "twice");
        yield return Bad("RepeatedItemKey", Prefix + "/conversionref:r/clickref:c/[category:a/quantity:1/size:1/size:2]", "twice");
        yield return Bad("LowerCaseHex", Prefix + "/conversionref:r/clickref:c/voucher:X%2f1" + Items, "upper-case hex");
        yield return Bad("LowerCaseHexInItem", Prefix + "/conversionref:r/clickref:c/[category:B%c3%bccher/quantity:1]", "upper-case hex");
        yield return Bad("TruncatedEscape", Prefix + "/conversionref:r/clickref:c/voucher:X%2" + Items, "hex");
        yield return Bad("NotHexEscape", Prefix + "/conversionref:r/clickref:c/voucher:X%G1" + Items, "hex");
        yield return Bad("EscapeOfInvalidUtf8", Prefix + "/conversionref:r/clickref:c/voucher:%C3" + Items, "UTF-8");
        yield return Bad("EscapeOfEncodedSurrogate", Prefix + "/conversionref:r/clickref:c/voucher:%ED%A0%80" + Items, "UTF-8");
        yield return Bad("EscapeOfUnreservedCharacter", Prefix + "/conversionref:r/clickref:c/voucher:%41" + Items, "unreserved");
        yield return Bad("RawSpace", Prefix + "/conversionref:r/clickref:c/voucher:a b" + Items, "percent-encoded");
        yield return Bad("RawPlus", Prefix + "/conversionref:r/clickref:c/voucher:a+b" + Items, "percent-encoded");
        yield return Bad("RawColonInValue", Prefix + "/conversionref:r/clickref:c/voucher:a:b" + Items, "percent-encoded");
        yield return Bad("RawAmpersand", Prefix + "/conversionref:r/clickref:c/voucher:a&b" + Items, "percent-encoded");
        yield return Bad("RawBracketInBasket", Prefix + "/conversionref:r/clickref:c/voucher:a]b" + Items, "percent-encoded");
        yield return Bad("RawBracketInItem", Prefix + "/conversionref:r/clickref:c/[category:a[b/quantity:1]", "percent-encoded");
        yield return Bad("RawNonAscii", Prefix + "/conversionref:r/clickref:c/voucher:ü" + Items, "percent-encoded");
        yield return Bad("RawPercent", Prefix + "/conversionref:r/clickref:c/voucher:50%" + Items, "hex");
        yield return Bad("MalformedCustomKey", Prefix + "/conversionref:r/clickref:c/gift-card:x" + Items, "custom parameter key");
        yield return Bad("TooLongCustomKey", Prefix + "/conversionref:r/clickref:c/" + new string('k', 65) + ":x" + Items, "custom parameter key");
        yield return Bad("SegmentWithoutColon", Prefix + "/conversionref:r/clickref:c/voucher" + Items, "key:value");
        yield return Bad("SegmentWithEmptyKey", Prefix + "/conversionref:r/clickref:c/:x" + Items, "key:value");
        yield return Bad("EmptySegment", Prefix + "/conversionref:r//clickref:c" + Items, "key:value");
        yield return Bad("ClickRefBeforeConversionRef", Prefix + "/clickref:c/conversionref:r" + Items, "out of order");
        yield return Bad("BasketFieldsOutOfOrder", Prefix + "/conversionref:r/clickref:c/voucher:v/currency:GBP" + Items, "out of order");
        yield return Bad("StandardFieldAfterCustom", Prefix + "/conversionref:r/clickref:c/gift:yes/currency:GBP" + Items, "after a custom");
        yield return Bad("ItemFieldsOutOfOrder", Prefix + "/conversionref:r/clickref:c/[category:a/quantity:1/sku:s]", "out of order");
        yield return Bad("ItemFieldInBasket", Prefix + "/conversionref:r/clickref:c/sku:s" + Items, "does not belong");
        yield return Bad("BasketFieldInItem", Prefix + "/conversionref:r/clickref:c/[category:a/quantity:1/currency:GBP]", "does not belong");
        yield return Bad("CampaignRepeatedInBasket", Prefix + "/conversionref:r/clickref:c/campaign:x" + Items, "does not belong");
        yield return Bad("NoConversionRef", Prefix + "/clickref:c" + Items, "conversionref");
        yield return Bad("NoClickRef", Prefix + "/conversionref:r" + Items, "clickref");
        yield return Bad("ItemWithoutQuantity", Prefix + "/conversionref:r/clickref:c/[category:a]", "quantity");
        yield return Bad("ItemWithoutCategory", Prefix + "/conversionref:r/clickref:c/[quantity:1]", "category");
        yield return Bad("NoItemGroup", Basket, "no item group");
        yield return Bad("NoItemGroupTrailingSlash", Basket + "/", "no item group");
        yield return Bad("EmptyItemGroup", Basket + "/[]", "key:value");
        yield return Bad("UnclosedItemGroup", Basket + "/[category:a/quantity:1", "not closed");
        yield return Bad("SeparatorBetweenGroups", Basket + "/[category:a/quantity:1]/[category:b/quantity:1]", "does not start with '['");
        yield return Bad("TrailingSlashAfterGroups", Valid + "/", "does not start with '['");
        yield return Bad("QueryString", Valid + "?utm=x", "query");
        yield return Bad("EmptyQueryString", Valid + "?", "query");
        yield return Bad("Fragment", Valid + "#top", "fragment");
        yield return Bad("WrongTrackingMode", "https://prf.hn/conversion/tracking_mode:pixel/campaign:1/conversionref:r/clickref:c" + Items, "tracking_mode:api");
        yield return Bad("NoCampaign", "https://prf.hn/conversion/tracking_mode:api/conversionref:r/clickref:c" + Items, "campaign:");
    }

    [TestCaseSource(nameof(Malformed))]
    public void TryParse_MalformedUrl_FailsNamingTheProblem(string url, string fragment)
    {
        var parsed = TrackingUrlParser.TryParse(url, out var result, out var error);

        Assert.Multiple(() =>
        {
            Assert.That(parsed, Is.False);
            Assert.That(result, Is.Null);
            Assert.That(error, Does.Contain(fragment).IgnoreCase);
        });
    }

    [TestCaseSource(nameof(Malformed))]
    public void Parse_MalformedUrl_ThrowsTrackingUrlFormatException(string url, string fragment)
    {
        var exception = Assert.Throws<TrackingUrlFormatException>(() => TrackingUrlParser.Parse(url));

        Assert.That(exception.Message, Does.Contain(fragment).IgnoreCase);
    }

    [Test]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => TrackingUrlParser.Parse(null!));
    }

    private static KeyValuePair<string, string> Pair(string key, string value) => new(key, value);

    private static TestCaseData Bad(string name, string url, string fragment) =>
        new TestCaseData(url, fragment).SetArgDisplayNames(name);
}
