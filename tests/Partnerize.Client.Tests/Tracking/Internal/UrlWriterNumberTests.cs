using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Partnerize.Client.Tracking.Internal;

namespace Partnerize.Client.Tests.Tracking.Internal;

// FsCheck supplies the arguments of [Property] methods; NUnit's analyzer only knows its own attributes.
#pragma warning disable NUnit1027

/// <summary>
/// The URL writer formats decimals and whole numbers itself, from the decimal's 96-bit integer and scale; its text must
/// be exactly what <see cref="decimal.ToString(IFormatProvider)"/> and <see cref="int.ToString(IFormatProvider)"/> write
/// with the invariant culture.
/// </summary>
public class UrlWriterNumberTests
{
    public static IEnumerable<decimal> EdgeValues()
    {
        yield return 0m;
        yield return 0.0m;
        yield return 0.00m;
        yield return new decimal(0, 0, 0, false, 28);
        yield return 1e-28m;
        yield return 0.05m;
        yield return 4.50m;
        yield return 2.00m;
        yield return 59.99m;
        yield return 1m;
        yield return 10m;
        yield return decimal.MaxValue;
        yield return new decimal(-1, -1, -1, false, 28);
        yield return new decimal(-1, -1, 0, false, 0);
        yield return new decimal(0, 0, 1, false, 0);
        yield return new decimal(0, 0, 1, false, 28);
        yield return new decimal(-1, -1, 0, false, 19);
        yield return new decimal(-1, -1, 0, false, 20);
        yield return 9_999_999_999_999_999_999m;
        yield return 10_000_000_000_000_000_000m;
        for (byte scale = 0; scale <= 28; scale++)
        {
            yield return new decimal(123456789, 0, 0, false, scale);
            yield return new decimal(1, 0, 0, false, scale);
            yield return new decimal(0, 0, 7, false, scale);
        }
    }

    [TestCaseSource(nameof(EdgeValues))]
    public void AppendDecimal_EdgeValue_WritesTheInvariantText(decimal value)
    {
        Assert.That(Written(value), Is.EqualTo(value.ToString(CultureInfo.InvariantCulture)));
    }

    [FsCheck.NUnit.Property(MaxTest = 5000, Arbitrary = new[] { typeof(UrlWriterNumberTests) }, QuietOnSuccess = true)]
    public void AppendDecimal_AnyNonNegativeValue_WritesTheInvariantText(decimal value)
    {
        Assert.That(Written(value), Is.EqualTo(value.ToString(CultureInfo.InvariantCulture)));
    }

    [TestCase(0)]
    [TestCase(2)]
    [TestCase(28)]
    public void AppendDecimal_NegativeZero_WritesZeroWithItsScale(int scale)
    {
        var negativeZero = new decimal(0, 0, 0, isNegative: true, (byte)scale);

        Assert.That(Written(negativeZero), Is.EqualTo(decimal.Negate(negativeZero).ToString(CultureInfo.InvariantCulture)));
    }

    [TestCase(-1)]
    [TestCase(-4.5)]
    public void AppendDecimal_Negative_WritesTheInvariantText(decimal value)
    {
        Assert.That(Written(value), Is.EqualTo(value.ToString(CultureInfo.InvariantCulture)));
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(9)]
    [TestCase(10)]
    [TestCase(99)]
    [TestCase(100)]
    [TestCase(999_999_999)]
    [TestCase(1_000_000_000)]
    [TestCase(int.MaxValue)]
    [TestCase(-1)]
    [TestCase(int.MinValue)]
    public void AppendNonNegative_Value_WritesTheInvariantText(int value)
    {
        var writer = new UrlWriter(new char[64]);
        writer.AppendNonNegative(value);

        Assert.That(writer.ToString(), Is.EqualTo(value.ToString(CultureInfo.InvariantCulture)));
    }

    [Test]
    public void AppendNonNegative_EveryPowerOfTenAndTheNumberBelowIt_WritesTheInvariantText()
    {
        var expected = new List<string>();
        var actual = new List<string>();
        for (var power = 1L; power <= int.MaxValue; power *= 10)
        {
            foreach (var value in new[] { (int)power - 1, (int)power, (int)Math.Min(power + 1, int.MaxValue), (int)Math.Min((2 * power) - 1, int.MaxValue) })
            {
                var writer = new UrlWriter(new char[16]);
                writer.AppendNonNegative(value);
                actual.Add(writer.ToString());
                expected.Add(value.ToString(CultureInfo.InvariantCulture));
            }
        }

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void AppendDecimal_BufferNearlyFull_MovesToALargerOne()
    {
        var writer = new UrlWriter(new char[3]);
        writer.Append("ab");
        writer.AppendDecimal(12345.678m);
        var text = writer.ToString();
        writer.Dispose();

        Assert.That(text, Is.EqualTo("ab12345.678"));
    }

    /// <summary>Non-negative decimals of every scale and size: 32, 64 and 96-bit integers, with zeros mixed in.</summary>
    public static Arbitrary<decimal> Decimals() => Arb.From(
        from lo in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(int.MinValue, int.MaxValue)))
        from mid in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(int.MinValue, int.MaxValue)))
        from hi in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(int.MinValue, int.MaxValue)), (1, Gen.Elements(1, -1)))
        from scale in Gen.Choose(0, 28)
        select new decimal(lo, mid, hi, isNegative: false, (byte)scale));

    private static string Written(decimal value)
    {
        var writer = new UrlWriter(new char[64]);
        writer.AppendDecimal(value);
        var text = writer.ToString();
        writer.Dispose();
        return text;
    }
}
