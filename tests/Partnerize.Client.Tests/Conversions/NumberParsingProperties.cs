using System.Globalization;
using Partnerize.Client.Conversions;

namespace Partnerize.Client.Tests.Conversions;

// FsCheck supplies the arguments of [Property] methods; NUnit's analyzer only knows its own attributes.
#pragma warning disable NUnit1027

/// <summary>
/// The validator reads common numbers and dates on fast paths and everything else with .NET's general parsers. These
/// properties hold it to the rules of the general parsers on generated near-numbers: the same verdict, the same value,
/// and the same scale (which decides how the value is written in the URL).
/// </summary>
public class NumberParsingProperties
{
    private const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    [FsCheck.NUnit.Property(MaxTest = 3000, Arbitrary = new[] { typeof(NumberParsingGenerators) }, QuietOnSuccess = true)]
    public void Validate_ItemValue_AgreesWithTheGeneralDecimalParser(NumberText value)
    {
        var text = value.Text.Trim();
        var expectedValid = decimal.TryParse(text, Styles, CultureInfo.InvariantCulture, out var expected) && expected >= 0;

        var result = Validate(ConversionItemDraft.Create("shoes", 1) with { Value = value.Text });

        Assert.That(result.IsValid, Is.EqualTo(expectedValid || text.Length == 0), $"'{value.Text}'");
        if (expectedValid && result.IsValid)
        {
            var actual = result.Conversion!.Items[0].Value!.Value;
            Assert.That(actual.ToString(CultureInfo.InvariantCulture), Is.EqualTo(Math.Abs(expected).ToString(CultureInfo.InvariantCulture)), $"'{value.Text}': value and scale");
        }
    }

    [FsCheck.NUnit.Property(MaxTest = 3000, Arbitrary = new[] { typeof(NumberParsingGenerators) }, QuietOnSuccess = true)]
    public void Validate_ItemQuantity_AgreesWithTheWholeNumberRule(NumberText quantity)
    {
        var text = quantity.Text.Trim();
        var expectedValid = decimal.TryParse(text, Styles, CultureInfo.InvariantCulture, out var expected)
            && expected >= 1 && expected <= int.MaxValue && decimal.Truncate(expected) == expected;

        var result = Validate(new ConversionItemDraft { Category = "shoes", Quantity = quantity.Text });

        Assert.That(result.IsValid, Is.EqualTo(expectedValid), $"'{quantity.Text}'");
        if (expectedValid)
        {
            Assert.That(result.Conversion!.Items[0].Quantity, Is.EqualTo((int)expected), $"'{quantity.Text}'");
        }
    }

    [FsCheck.NUnit.Property(MaxTest = 3000, Arbitrary = new[] { typeof(NumberParsingGenerators) }, QuietOnSuccess = true)]
    public void Validate_FulfilmentDate_AgreesWithTheExactIsoDateParser(DateText date)
    {
        var text = date.Text.Trim();
        var expectedValid = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expected);

        var result = ConversionValidator.Default.Validate(Draft(ConversionItemDraft.Create("shoes", 1)) with { FulfilmentDate = date.Text });

        Assert.That(result.IsValid, Is.EqualTo(expectedValid || text.Length == 0), $"'{date.Text}'");
        if (expectedValid)
        {
            Assert.That(result.Conversion!.FulfilmentDate, Is.EqualTo(expected), $"'{date.Text}'");
        }
    }

    private static ConversionValidationResult Validate(ConversionItemDraft item) => ConversionValidator.Default.Validate(Draft(item));

    private static ConversionDraft Draft(ConversionItemDraft item) => new() { ConversionRef = "ORD-1", ClickRef = "ck", Item = item };
}
