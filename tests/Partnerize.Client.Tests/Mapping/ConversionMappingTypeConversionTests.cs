using Partnerize.Client.Conversions;
using Partnerize.Client.Mapping;
using static Partnerize.Client.Tests.Mapping.MappingTestData;

namespace Partnerize.Client.Tests.Mapping;

/// <summary>How source values of each type become the draft's text, and which values reject the row.</summary>
public class ConversionMappingTypeConversionTests
{
    private static readonly ConversionMapping Everything = ConversionMapping.CreateBuilder()
        .ConversionRef("id").ClickRef("click")
        .ItemCategory("cat").ItemQuantity("qty").ItemValue("value").ItemSku("sku")
        .Currency("cur").Country("cty").CustomerType("ctype").Voucher("voucher").CustomerRef("cust")
        .FulfilmentDate("fulfilled").ConversionTime("at")
        .Custom("extra", "extra")
        .Build();

    private static IEnumerable<TestCaseData> Quantities()
    {
        foreach (var value in new object[] { 2, 2L, (short)2, (byte)2, (sbyte)2, (ushort)2, 2U, 2UL, 2.00m, 2.0d, 2.0f, "2", " 2 " })
        {
            yield return new TestCaseData(value).SetArgDisplayNames(value.GetType().Name + " " + value);
        }
    }

    [TestCaseSource(nameof(Quantities))]
    public void Map_QuantityOfAnyNumericTypeOrText_IsAWholeNumber(object quantity)
    {
        var conversion = ConversionValidator.Default.Validate(Map(("qty", quantity))).Conversion;

        Assert.That(conversion?.Items[0].Quantity, Is.EqualTo(2));
    }

    [TestCase(42.50, "42.5")]
    [TestCase(0.1, "0.1")]
    [TestCase(1e-7, "0.0000001")]
    [TestCase(123456789012.5, "123456789012.5")]
    [TestCase(1e20, "100000000000000000000")]
    [TestCase(-0.0, "-0")]
    public void Map_DoubleValue_IsShortestRoundTripWithoutExponent(double value, string expected)
    {
        Assert.That(Map(("value", value)).Item!.Value, Is.EqualTo(expected));
    }

    [Test]
    public void Map_FloatValue_IsShortestRoundTripOfTheFloat()
    {
        Assert.That(Map(("value", 0.1f)).Item!.Value, Is.EqualTo("0.1"));
    }

    [Test]
    public void Map_DecimalValue_KeepsItsScale()
    {
        Assert.That(Map(("value", 42.50m)).Item!.Value, Is.EqualTo("42.50"));
    }

    [Test]
    [SetCulture("de-DE")]
    public void Map_UnderACommaDecimalCulture_WritesInvariantNumbers()
    {
        var draft = Map(("value", 1234.5m), ("qty", 2.0d), ("extra", 0.25d));

        Assert.Multiple(() =>
        {
            Assert.That(draft.Item!.Value, Is.EqualTo("1234.5"));
            Assert.That(draft.CustomParameters![0].Value, Is.EqualTo("0.25"));
            Assert.That(UrlOf(draft), Does.Contain("/extra:0.25/[category:shoes/value:1234.5/quantity:2]"));
        });
    }

    [Test]
    public void Map_DoubleTooLargeForADecimal_KeepsItsExponentAndTheValidatorRejectsIt()
    {
        var rejections = RejectionsOf(Map(("value", 1e30)));

        Assert.That(rejections.Single(), Is.EqualTo(new ConversionRejection(RejectionCodes.ItemValueInvalid, "item.value",
            "Item value must be a number of 0 or more, without currency symbols, thousands separators or exponent; got '1E+30'.", 0, "value")));
    }

    [Test]
    public void Map_NotANumber_RejectsNamingColumnAndValue()
    {
        var rejections = RejectionsOf(Map(("value", double.NaN)));

        Assert.That(rejections.Single(), Is.EqualTo(new ConversionRejection(RejectionCodes.ValueUnreadable, "item.value",
            "Column 'value' holds 'NaN' (Double), which cannot be read as item.value: expected a number or numeric text.", null, "value")));
    }

    [Test]
    public void Map_DateTimeWhereANumberIsExpected_RejectsNamingColumnAndValueWithoutAMissingQuantity()
    {
        var rejections = RejectionsOf(Map(("qty", new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Unspecified))));

        Assert.That(rejections, Is.EqualTo(new[]
        {
            new ConversionRejection(RejectionCodes.ValueUnreadable, "item.quantity",
                "Column 'qty' holds '2024-05-01T00:00:00.0000000' (DateTime), which cannot be read as item.quantity: expected a number or numeric text.",
                null, "qty"),
        }));
    }

    [Test]
    public void Map_ByteArray_RejectsNamingColumnAndType()
    {
        var rejections = RejectionsOf(Map(("voucher", new byte[] { 0xDE, 0xAD, 0xBE })));

        Assert.That(rejections.Single().Message, Is.EqualTo(
            "Column 'voucher' holds a Byte[] of 3 bytes, which cannot be read as voucher: expected text or a number."));
    }

    [Test]
    public void Map_UnreadableConversionRef_IsReportedOnceNotAsMissing()
    {
        var rejections = RejectionsOf(Map(("id", TimeSpan.FromHours(1))));

        Assert.That(rejections, Is.EqualTo(new[]
        {
            new ConversionRejection(RejectionCodes.ValueUnreadable, "conversionRef",
                "Column 'id' holds '01:00:00' (TimeSpan), which cannot be read as conversionRef: expected text or a number.", null, "id"),
        }));
    }

    [Test]
    public void Map_BooleanOutsideCustomParameters_Rejects()
    {
        Assert.That(RejectionsOf(Map(("ctype", true))).Single().Message, Is.EqualTo(
            "Column 'ctype' holds 'true' (Boolean), which cannot be read as customerType: expected text or a number."));
    }

    [Test]
    public void Map_NumbersAndGuidsIntoTextFields_AreInvariantText()
    {
        var guid = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        var draft = Map(("id", 1001L), ("click", guid), ("cust", 77.5m), ("sku", 'X'));

        Assert.Multiple(() =>
        {
            Assert.That(draft.ConversionRef, Is.EqualTo("1001"));
            Assert.That(draft.ClickRef, Is.EqualTo("0f8fad5b-d9cb-469f-a165-70867728950e"));
            Assert.That(draft.CustomerRef, Is.EqualTo("77.5"));
            Assert.That(draft.Item!.Sku, Is.EqualTo("X"));
        });
    }

    private static IEnumerable<TestCaseData> FulfilmentDates()
    {
        yield return new TestCaseData(new DateOnly(2024, 6, 1)).SetArgDisplayNames("DateOnly");
        yield return new TestCaseData(new DateTime(2024, 6, 1)).SetArgDisplayNames("DateTime midnight");
        yield return new TestCaseData(new DateTime(2024, 6, 1, 23, 30, 0, DateTimeKind.Utc)).SetArgDisplayNames("DateTime with time");
        yield return new TestCaseData(new DateTimeOffset(2024, 6, 1, 23, 30, 0, TimeSpan.FromHours(-5))).SetArgDisplayNames("DateTimeOffset keeps its own date");
        yield return new TestCaseData("2024-06-01").SetArgDisplayNames("date text");
        yield return new TestCaseData("2024-06-01T23:30:00-05:00").SetArgDisplayNames("ISO date-time text");
        yield return new TestCaseData("2024-06-01 08:00:00").SetArgDisplayNames("SQL date-time text");
    }

    [TestCaseSource(nameof(FulfilmentDates))]
    public void Map_FulfilmentDate_IsWrittenYearMonthDay(object value)
    {
        var draft = Map(("fulfilled", value));

        Assert.Multiple(() =>
        {
            Assert.That(draft.FulfilmentDate, Is.EqualTo("2024-06-01"));
            Assert.That(UrlOf(draft), Does.Contain("/fulfilment_date:2024-06-01/"));
        });
    }

    [Test]
    public void Map_FulfilmentDateTextNotIso_ValidatorRejectsNamingTheColumn()
    {
        var rejections = RejectionsOf(Map(("fulfilled", "01/06/2024")));

        Assert.That(rejections.Single(), Is.EqualTo(new ConversionRejection(RejectionCodes.FulfilmentDateInvalid, "fulfilmentDate",
            "Fulfilment date must be a real calendar date written YYYY-MM-DD; got '01/06/2024'.", null, "fulfilled")));
    }

    [Test]
    public void Map_NumberWhereADateIsExpected_Rejects()
    {
        Assert.That(RejectionsOf(Map(("fulfilled", 20240601))).Single().Message, Is.EqualTo(
            "Column 'fulfilled' holds '20240601' (number), which cannot be read as fulfilmentDate: expected a date (DateOnly, DateTime, DateTimeOffset) or ISO 8601 text."));
    }

    private static IEnumerable<TestCaseData> ConversionTimes()
    {
        yield return new TestCaseData(new DateTime(2024, 5, 1, 13, 45, 0, DateTimeKind.Utc), "2024-05-01T13:45:00.0000000Z", "2024-05-01%2013%3A45%3A00").SetArgDisplayNames("DateTime UTC");
        yield return new TestCaseData(new DateTime(2024, 5, 1, 13, 45, 0), "2024-05-01T13:45:00.0000000", "2024-05-01%2013%3A45%3A00").SetArgDisplayNames("DateTime unspecified is UTC");
        yield return new TestCaseData(new DateTimeOffset(2024, 5, 1, 15, 45, 0, TimeSpan.FromHours(2)), "2024-05-01T15:45:00.0000000+02:00", "2024-05-01%2013%3A45%3A00").SetArgDisplayNames("DateTimeOffset");
        yield return new TestCaseData(new DateOnly(2024, 5, 1), "2024-05-01T00:00:00.0000000", "2024-05-01%2000%3A00%3A00").SetArgDisplayNames("DateOnly");
        yield return new TestCaseData("2024-05-01 13:45:00", "2024-05-01 13:45:00", "2024-05-01%2013%3A45%3A00").SetArgDisplayNames("SQL text");
    }

    [TestCaseSource(nameof(ConversionTimes))]
    public void Map_ConversionTime_IsRoundTripIsoAndSentInUtc(object value, string draftText, string urlText)
    {
        var draft = Map(("at", value));

        Assert.Multiple(() =>
        {
            Assert.That(draft.ConversionTime, Is.EqualTo(draftText));
            Assert.That(UrlOf(draft), Does.Contain("/conversion_time:" + urlText + "/"));
        });
    }

    private static IEnumerable<TestCaseData> CustomValues()
    {
        yield return new TestCaseData(true, "true");
        yield return new TestCaseData(false, "false");
        yield return new TestCaseData(12, "12");
        yield return new TestCaseData(12.50m, "12.50");
        yield return new TestCaseData(0.5d, "0.5");
        yield return new TestCaseData(new DateOnly(2024, 7, 1), "2024-07-01");
        yield return new TestCaseData(new DateTime(2024, 7, 1), "2024-07-01");
        yield return new TestCaseData(new DateTime(2024, 7, 1, 14, 0, 0), "2024-07-01T14:00:00.0000000");
        yield return new TestCaseData(new DateTimeOffset(2024, 7, 1, 14, 0, 0, TimeSpan.Zero), "2024-07-01T14:00:00.0000000+00:00");
        yield return new TestCaseData("text", "text");
    }

    [TestCaseSource(nameof(CustomValues))]
    public void Map_CustomParameter_TakesTextNumbersBooleansAndDates(object value, string expected)
    {
        Assert.That(Map(("extra", value)).CustomParameters, Is.EqualTo(new[] { new CustomParameter("extra", expected) }));
    }

    [Test]
    public void Map_JsonValuesOfEveryKind_FollowTheSameRules()
    {
        var draft = Everything.Map(Json("""
            {"id":1001,"click":"c","cat":"shoes","qty":2,"value":1e-7,"cur":"usd","fulfilled":"2024-06-01T10:00:00Z",
             "at":"2024-05-01T13:45:00Z","extra":true}
            """));

        Assert.Multiple(() =>
        {
            Assert.That(draft.ConversionRef, Is.EqualTo("1001"));
            Assert.That(draft.Item!.Value, Is.EqualTo("0.0000001"));
            Assert.That(draft.FulfilmentDate, Is.EqualTo("2024-06-01"));
            Assert.That(draft.CustomParameters![0].Value, Is.EqualTo("true"));
            Assert.That(UrlOf(draft), Is.EqualTo(UrlPrefix +
                "/conversionref:1001/clickref:c/currency:USD/fulfilment_date:2024-06-01/conversion_time:2024-05-01%2013%3A45%3A00/extra:true/[category:shoes/value:0.0000001/quantity:2]"));
        });
    }

    [Test]
    public void Map_JsonObjectWhereAValueIsExpected_Rejects()
    {
        var rejections = RejectionsOf(Everything.Map(Json("""{"id":"A","click":"c","cat":"x","qty":1,"voucher":{"code":"X"}}""")));

        Assert.That(rejections.Single().Message, Is.EqualTo(
            """Column 'voucher' holds '{"code":"X"}' (JSON object), which cannot be read as voucher: expected text or a number."""));
    }

    [Test]
    public void Map_SeveralUnreadableValues_AreAllReportedBeforeTheValidatorsOwn()
    {
        var rejections = RejectionsOf(Map(("voucher", new byte[1]), ("extra", new object()), ("cur", "EURO")));

        Assert.That(rejections.Select(r => (r.Code, r.Field, r.Column)), Is.EqualTo(new[]
        {
            (RejectionCodes.ValueUnreadable, "voucher", "voucher"),
            (RejectionCodes.ValueUnreadable, "custom.extra", "extra"),
            (RejectionCodes.CurrencyInvalid, "currency", "cur"),
        }));
    }

    private static ConversionDraft Map(params (string Column, object? Value)[] changes)
    {
        var row = new Dictionary<string, object?> { ["id"] = "ORD-1", ["click"] = "ck", ["cat"] = "shoes", ["qty"] = 1 };
        foreach (var (column, value) in changes)
        {
            row[column] = value;
        }

        return Everything.Map(row);
    }
}
