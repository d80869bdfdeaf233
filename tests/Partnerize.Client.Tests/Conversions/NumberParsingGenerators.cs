using FsCheck;
using FsCheck.Fluent;

namespace Partnerize.Client.Tests.Conversions;

/// <summary>Text that looks like a number, a date, or nearly one: what the validator's fast paths must get right.</summary>
public static class NumberParsingGenerators
{
    private static readonly string[] NumberPieces =
    [
        "0", "1", "2", "5", "9", "00", "12", "999999999", "2147483647", "2147483648", "79228162514264337593543950335",
        ".", ".", "-", "+", " ", "e", "E", ",", "\u0663", "x", "1e3", "0.", ".5",
    ];

    private static readonly string[] DatePieces =
    [
        "2024", "0000", "0001", "9999", "1900", "2023", "-", "-", "01", "02", "12", "13", "00", "28", "29", "30", "31", "32",
        "1", "/", " ", "T", "\u0663",
    ];

    /// <summary>Number-like text for item quantities and values.</summary>
    public static Arbitrary<NumberText> Numbers() => Arb.From(
        from length in Gen.Choose(1, 6)
        from pieces in Gen.ArrayOf(Gen.Elements(NumberPieces), length)
        select new NumberText(string.Concat(pieces)));

    /// <summary>Date-like text for fulfilment dates.</summary>
    public static Arbitrary<DateText> Dates() => Arb.From(
        from length in Gen.Choose(1, 6)
        from pieces in Gen.ArrayOf(Gen.Elements(DatePieces), length)
        select new DateText(string.Concat(pieces)));
}

/// <summary>A generated number-like text.</summary>
/// <param name="Text">The text.</param>
public sealed record NumberText(string Text);

/// <summary>A generated date-like text.</summary>
/// <param name="Text">The text.</param>
public sealed record DateText(string Text);
