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

    [TestCase(0)]
    [TestCase(9)]
    [TestCase(10)]
    [TestCase(1_000_000_000)]
    [TestCase(int.MaxValue)]
    public void WriteNonNegative_Value_WritesTheInvariantTextAtThePosition(int value)
    {
        var destination = new char[2 + UrlWriter.MaxIntLength];
        destination[0] = 'q';
        destination[1] = ':';

        var end = UrlWriter.WriteNonNegative(destination, 2, value);

        Assert.That(new string(destination, 0, end), Is.EqualTo("q:" + value.ToString(CultureInfo.InvariantCulture)));
    }

    [TestCase("7.9228162514264337593543950335")]
    [TestCase("0.0000000000000000000000000001")]
    [TestCase("79228162514264337593543950335")]
    public void WriteDecimal_LongestValues_FitMaxDecimalLength(string text)
    {
        var destination = new char[UrlWriter.MaxDecimalLength];

        var written = UrlWriter.WriteDecimal(destination, decimal.Parse(text, CultureInfo.InvariantCulture));

        Assert.That(new string(destination, 0, written), Is.EqualTo(text));
    }

    [Test]
    public void WriteDecimal_BelowZero_WritesNothing()
    {
        var destination = new char[UrlWriter.MaxDecimalLength];

        var written = UrlWriter.WriteDecimal(destination, -0.01m);

        Assert.Multiple(() =>
        {
            Assert.That(written, Is.EqualTo(-1));
            Assert.That(destination, Is.All.EqualTo('\0'));
        });
    }

    [TestCase(0, 5, true)]
    [TestCase(3, 5, true)]
    [TestCase(4, 5, false)]
    [TestCase(8, 5, false)]
    [TestCase(0, 9, false)]
    public void Put_TextAndRoom_CopiesOrThrowsRatherThanWritePastTheSpan(int at, int length, bool fits)
    {
        // Within a larger array: a copy past the span would land in the array, not fault.
        var array = new char[16];
        var text = new string('x', length);

        int Put() => UrlWriter.Put(array.AsSpan(0, 8), at, text);

        if (fits)
        {
            Assert.Multiple(() =>
            {
                Assert.That(Put(), Is.EqualTo(at + length));
                Assert.That(new string(array), Is.EqualTo(new string('\0', at) + text + new string('\0', 16 - at - length)));
            });
        }
        else
        {
            Assert.Multiple(() =>
            {
                Assert.That(Put, Throws.InvalidOperationException);
                Assert.That(array, Is.All.EqualTo('\0'));
            });
        }
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
