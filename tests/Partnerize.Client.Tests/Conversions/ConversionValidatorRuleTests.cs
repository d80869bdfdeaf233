using Partnerize.Client.Conversions;

namespace Partnerize.Client.Tests.Conversions;

/// <summary>
/// Every other rule of wire contract table 1.4: each failure rejects the row with a stable code, the field, and a
/// message that names the field and quotes the offending value (trimmed, as the validator sees it).
/// </summary>
public class ConversionValidatorRuleTests
{
    private static readonly ConversionItemDraft ValidItem = new() { Category = "shoes", Quantity = "1" };

    [TestCase("US")]
    [TestCase("USDD")]
    [TestCase("U5D")]
    [TestCase("US$")]
    [TestCase("€UR")]
    [TestCase("U D")]
    [TestCase("ÜSD")]
    public void Validate_CurrencyNotThreeLetters_RejectsNamingCurrencyAndValue(string currency)
    {
        var result = Validate(Valid() with { Currency = currency });

        AssertSingle(result, "currency_invalid", "currency", null, "Currency", currency);
    }

    [TestCase("GBR")]
    [TestCase("G")]
    [TestCase("1A")]
    [TestCase("G-")]
    [TestCase("ÇA")]
    public void Validate_CountryNotTwoLetters_RejectsNamingCountryAndValue(string country)
    {
        var result = Validate(Valid() with { Country = country });

        AssertSingle(result, "country_invalid", "country", null, "Country", country);
    }

    [TestCase("returning")]
    [TestCase("neu")]
    [TestCase("new customer")]
    [TestCase("0")]
    [TestCase("EXİSTING")]
    public void Validate_CustomerTypeNotNewOrExisting_RejectsNamingCustomerTypeAndValue(string customerType)
    {
        var result = Validate(Valid() with { CustomerType = customerType });

        AssertSingle(result, "customer_type_invalid", "customerType", null, "Customer type", customerType);
    }

    [Test]
    public void Validate_CustomerTypeEnumOutOfRange_Rejects()
    {
        var result = Builder().CustomerType((CustomerType)7).Validate();

        AssertSingle(result, "customer_type_invalid", "customerType", null, "Customer type", "7");
    }

    [TestCase("2024-02-30")]
    [TestCase("2023-02-29")]
    [TestCase("2024-13-01")]
    [TestCase("2024-04-31")]
    [TestCase("2024-6-1")]
    [TestCase("01/06/2024")]
    [TestCase("20240601")]
    [TestCase("2024-06-01T00:00:00Z")]
    [TestCase("tomorrow")]
    public void Validate_FulfilmentDateNotARealDate_RejectsNamingFulfilmentDateAndValue(string date)
    {
        var result = Validate(Valid() with { FulfilmentDate = date });

        AssertSingle(result, "fulfilment_date_invalid", "fulfilmentDate", null, "Fulfilment date", date);
    }

    [TestCase("yesterday")]
    [TestCase("2024-13-01T00:00:00Z")]
    [TestCase("2024-05-01T25:00:00Z")]
    [TestCase("01/05/2024 13:45")]
    [TestCase("1714571100")]
    public void Validate_ConversionTimeNotADateTime_RejectsNamingConversionTimeAndValue(string time)
    {
        var result = Validate(Valid() with { ConversionTime = time });

        AssertSingle(result, "conversion_time_invalid", "conversionTime", null, "Conversion time", time);
    }

    [TestCase("0")]
    [TestCase("-1")]
    [TestCase("2.5")]
    [TestCase("abc")]
    [TestCase("1e3")]
    [TestCase("1,000")]
    [TestCase("2,0")]
    [TestCase("99999999999")]
    public void Validate_SingleItemQuantityNotAWholeNumberOfOneOrMore_Rejects(string quantity)
    {
        var result = Validate(Valid() with { Item = ValidItem with { Quantity = quantity } });

        AssertSingle(result, "item_quantity_invalid", "item.quantity", 0, "quantity", quantity);
    }

    [TestCase("0")]
    [TestCase("-1")]
    [TestCase("2.5")]
    [TestCase("abc")]
    public void Validate_ArrayItemQuantityInvalid_RejectsWithTheItemIndex(string quantity)
    {
        var result = Validate(Valid() with { Items = [ValidItem, ValidItem with { Quantity = quantity }] });

        AssertSingle(result, "item_quantity_invalid", "items[1].quantity", 1, "quantity", quantity);
    }

    [TestCase("-1")]
    [TestCase("-0.01")]
    [TestCase("abc")]
    [TestCase("$5")]
    [TestCase("£5.00")]
    [TestCase("5 EUR")]
    [TestCase("1,000.00")]
    [TestCase("1 000")]
    [TestCase("42,50")]
    [TestCase("1e3")]
    [TestCase("NaN")]
    public void Validate_ItemValueNotANonNegativeNumber_Rejects(string value)
    {
        var result = Validate(Valid() with { Items = [ValidItem with { Value = value }] });

        AssertSingle(result, "item_value_invalid", "items[0].value", 0, "value", value);
    }

    [TestCase("check-in")]
    [TestCase("a b")]
    [TestCase("ключ")]
    [TestCase("a:b")]
    [TestCase("a/b")]
    [TestCase("")]
    public void Validate_BasketCustomKeyMalformed_Rejects(string key)
    {
        var result = Validate(Valid() with { CustomParameters = [new CustomParameter(key, "x")] });

        AssertSingle(result, "custom_key_invalid", "custom." + key, null, "Custom parameter key", key);
    }

    [Test]
    public void Validate_CustomKeyNull_RejectsAsMalformed()
    {
        var result = Validate(Valid() with { CustomParameters = [new CustomParameter(null!, "x")] });

        AssertSingle(result, "custom_key_invalid", "custom.", null, "Custom parameter key", string.Empty);
    }

    [Test]
    public void Validate_CustomKeyOf65Characters_RejectsAndOf64Accepts()
    {
        var tooLong = new string('k', 65);
        var longest = new string('k', 64);

        var rejected = Validate(Valid() with { CustomParameters = [new CustomParameter(tooLong, "x")] });
        var accepted = Validate(Valid() with { CustomParameters = [new CustomParameter(longest, "x")] });

        Assert.Multiple(() =>
        {
            Assert.That(rejected.Rejections.Select(r => (r.Code, r.Field)), Is.EqualTo(new[] { ("custom_key_invalid", "custom." + tooLong) }));
            Assert.That(rejected.Rejections[0].Message, Does.Contain("1 to 64"));
            Assert.That(accepted.Conversion?.CustomParameters, Is.EqualTo(new[] { new CustomParameter(longest, "x") }));
        });
    }

    [TestCase("voucher")]
    [TestCase("VOUCHER")]
    [TestCase("conversionref")]
    [TestCase("tracking_mode")]
    [TestCase("campaign")]
    [TestCase("fulfilment_date")]
    [TestCase("conversion_time")]
    [TestCase("category")]
    [TestCase("Quantity")]
    public void Validate_BasketCustomKeyIsAStandardName_Rejects(string key)
    {
        var result = Validate(Valid() with { CustomParameters = [new CustomParameter(key, "x")] });

        AssertSingle(result, "custom_key_reserved", "custom." + key, null, "Custom parameter key", key);
    }

    [TestCase("quantity")]
    [TestCase("SKU")]
    [TestCase("currency")]
    [TestCase("clickref")]
    public void Validate_ItemCustomKeyIsAStandardName_Rejects(string key)
    {
        var item = ValidItem with { CustomParameters = [new CustomParameter(key, "x")] };

        var result = Validate(Valid() with { Items = [ValidItem, item] });

        AssertSingle(result, "custom_key_reserved", "items[1].custom." + key, 1, "Custom parameter key", key);
    }

    [Test]
    public void Validate_ItemCustomKeyMalformed_RejectsWithTheItemIndex()
    {
        var item = ValidItem with { CustomParameters = [new CustomParameter("shoe size", "10")] };

        var result = Validate(Valid() with { Item = item });

        AssertSingle(result, "custom_key_invalid", "item.custom.shoe size", 0, "Custom parameter key", "shoe size");
    }

    [TestCase("size", "size")]
    [TestCase("size", "SIZE")]
    public void Validate_BasketCustomKeyRepeated_RejectsTheRepetitionOnce(string first, string second)
    {
        var result = Validate(Valid() with
        {
            CustomParameters = [new CustomParameter(first, "1"), new CustomParameter("colour", "red"), new CustomParameter(second, "2")],
        });

        AssertSingle(result, "custom_key_duplicate", "custom." + second, null, "Custom parameter key", second);
    }

    [Test]
    public void Validate_ItemCustomKeyRepeated_Rejects()
    {
        var item = ValidItem with { CustomParameters = [new CustomParameter("size", "1"), new CustomParameter("size", "2")] };

        var result = Validate(Valid() with { Items = [item] });

        AssertSingle(result, "custom_key_duplicate", "items[0].custom.size", 0, "Custom parameter key", "size");
    }

    [Test]
    public void Validate_SameCustomKeyAtBasketAndItemLevel_IsAccepted()
    {
        var item = ValidItem with { CustomParameters = [new CustomParameter("size", "10")] };

        var result = Validate(Valid() with { CustomParameters = [new CustomParameter("size", "L")], Items = [item, item] });

        Assert.That(result.Rejections, Is.Empty);
    }

    // Attribute arguments are stored as UTF-8, which cannot hold a lone surrogate: these strings come from code.
    private static readonly string[] UnpairedSurrogates = ["\uD800", "\uDC00", "ab\uD83D", "\uDE00ab", "a\uDE00\uD83Db", "\U0001F600\uD83D"];

    [TestCaseSource(nameof(UnpairedSurrogates))]
    public void Validate_UnpairedSurrogateInAnyTextField_RejectsAsTextMalformed(string broken)
    {
        var item = new ConversionItemDraft
        {
            Category = broken,
            Quantity = "1",
            Sku = broken,
            CustomParameters = [new CustomParameter("note", broken)],
        };
        var draft = new ConversionDraft
        {
            ConversionRef = broken,
            ClickRef = broken,
            Voucher = broken,
            CustomerRef = broken,
            CustomParameters = [new CustomParameter("gift", broken)],
            Items = [item],
        };

        var result = Validate(draft);

        Assert.Multiple(() =>
        {
            Assert.That(result.Rejections.Select(r => (r.Code, r.Field, r.ItemIndex)), Is.EquivalentTo(new[]
            {
                ("text_malformed", "conversionRef", (int?)null),
                ("text_malformed", "clickRef", null),
                ("text_malformed", "voucher", null),
                ("text_malformed", "customerRef", null),
                ("text_malformed", "custom.gift", null),
                ("text_malformed", "items[0].category", 0),
                ("text_malformed", "items[0].sku", 0),
                ("text_malformed", "items[0].custom.note", 0),
            }));
            Assert.That(result.Rejections.Select(r => r.Message), Has.All.Contains("unpaired UTF-16 surrogate"));
        });
    }

    [Test]
    public void Validate_WellFormedSurrogatePair_IsAccepted()
    {
        var result = Validate(Valid() with { Voucher = "\U0001F600", Item = ValidItem with { Category = "\U0001D11E" } });

        Assert.That(result.Rejections, Is.Empty);
    }

    [Test]
    public void Validate_RowWithSeveralProblems_ReportsAllOfThem()
    {
        var draft = new ConversionDraft
        {
            ConversionRef = " ",
            ClickRef = null,
            Currency = "US",
            Country = "GBR",
            CustomerType = "vip",
            FulfilmentDate = "2024-02-30",
            ConversionTime = "later",
            CustomParameters = [new CustomParameter("voucher", "x"), new CustomParameter("bad key", "y")],
            Items =
            [
                new ConversionItemDraft { Category = "shoes", Quantity = "0", Value = "abc" },
                new ConversionItemDraft { Quantity = "2", Value = "-1", CustomParameters = [new CustomParameter("sku", "s")] },
            ],
        };

        var result = Validate(draft);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.False);
            Assert.That(result.Rejections.Select(r => (r.Code, r.Field, r.ItemIndex)), Is.EqualTo(new[]
            {
                ("conversion_ref_missing", "conversionRef", (int?)null),
                ("click_ref_missing", "clickRef", null),
                ("currency_invalid", "currency", null),
                ("country_invalid", "country", null),
                ("customer_type_invalid", "customerType", null),
                ("fulfilment_date_invalid", "fulfilmentDate", null),
                ("conversion_time_invalid", "conversionTime", null),
                ("custom_key_reserved", "custom.voucher", null),
                ("custom_key_invalid", "custom.bad key", null),
                ("item_quantity_invalid", "items[0].quantity", 0),
                ("item_value_invalid", "items[0].value", 0),
                ("item_field_missing", "items[1].category", 1),
                ("item_value_invalid", "items[1].value", 1),
                ("custom_key_reserved", "items[1].custom.sku", 1),
            }));
        });
    }

    [Test]
    public void Validate_OffendingValue_IsQuotedTrimmedWithControlCharactersVisible()
    {
        var result = Validate(Valid() with { Currency = "  U\tS\u0000 " });

        Assert.That(result.Rejections.Single().Message, Is.EqualTo(
            "Currency must be a three-letter ISO 4217 code such as USD; got 'U\\u0009S\\u0000'."));
    }

    [Test]
    public void Validate_LongOffendingValue_IsShortenedInTheMessage()
    {
        var value = new string('9', 200) + "x";

        var message = Validate(Valid() with { Items = [ValidItem with { Quantity = value }] }).Rejections.Single().Message;

        Assert.Multiple(() =>
        {
            Assert.That(message, Does.Contain("'" + new string('9', 64) + "…'"));
            Assert.That(message, Does.Not.Contain(new string('9', 65)));
        });
    }

    [Test]
    public void Validate_LongOffendingValueWithSurrogatePairs_NeverCutsAPairInTwo()
    {
        var value = "a" + string.Concat(Enumerable.Repeat("\U0001F600", 100));

        var message = Validate(Valid() with { Currency = value }).Rejections.Single().Message;

        Assert.Multiple(() =>
        {
            Assert.That(HasUnpairedSurrogate(message), Is.False);
            Assert.That(message, Does.Contain("'a" + string.Concat(Enumerable.Repeat("\U0001F600", 31)) + "…'"));
        });
    }

    [Test]
    public void Validate_UnpairedSurrogateInAQuotedValue_IsShownEscaped()
    {
        var message = Validate(Valid() with { Currency = "U\uD800S" }).Rejections.Single().Message;

        Assert.That(message, Does.EndWith("got 'U\\uD800S'."));
    }

    private static ConversionDraft Valid() => new()
    {
        ConversionRef = "ORD-1",
        ClickRef = "click-1",
        Item = ValidItem,
    };

    private static ConversionBuilder Builder() => new ConversionBuilder().ConversionRef("ORD-1").ClickRef("click-1").ItemCategory("shoes").ItemQuantity(1);

    private static ConversionValidationResult Validate(ConversionDraft draft) => ConversionValidator.Default.Validate(draft);

    private static bool HasUnpairedSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogatePair(text, i))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static void AssertSingle(ConversionValidationResult result, string code, string field, int? itemIndex, string fieldWords, string offending)
    {
        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.False);
            Assert.That(result.Rejections.Select(r => (r.Code, r.Field, r.ItemIndex)), Is.EqualTo(new[] { (code, field, itemIndex) }));
            if (result.Rejections.Count == 1)
            {
                var message = result.Rejections[0].Message;
                Assert.That(message, Does.Contain(fieldWords).IgnoreCase, "the message names the field");
                Assert.That(message, Does.Contain("'" + offending.Trim() + "'"), "the message quotes the offending value");
            }
        });
    }
}
