using System.Diagnostics.CodeAnalysis;

namespace Partnerize.Client.Conversions;

/// <summary>The result of validating a <see cref="ConversionDraft"/>: a valid conversion, or every rejection.</summary>
public sealed class ConversionValidationResult
{
    private ConversionValidationResult(Conversion? conversion, IReadOnlyList<ConversionRejection> rejections)
    {
        Conversion = conversion;
        Rejections = rejections;
    }

    /// <summary>Whether the draft is valid; when it is, <see cref="Conversion"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Conversion))]
    public bool IsValid => Conversion is not null;

    /// <summary>The valid conversion, or <see langword="null"/> when rejected.</summary>
    public Conversion? Conversion { get; }

    /// <summary>Every rejection, in the order found; empty when valid.</summary>
    public IReadOnlyList<ConversionRejection> Rejections { get; }

    /// <summary>A successful result.</summary>
    /// <param name="conversion">The valid conversion.</param>
    /// <returns>The result.</returns>
    public static ConversionValidationResult Valid(Conversion conversion)
    {
        ArgumentNullException.ThrowIfNull(conversion);
        return new ConversionValidationResult(conversion, []);
    }

    /// <summary>A rejected result.</summary>
    /// <param name="rejections">At least one rejection.</param>
    /// <returns>The result.</returns>
    public static ConversionValidationResult Rejected(IReadOnlyList<ConversionRejection> rejections)
    {
        ArgumentNullException.ThrowIfNull(rejections);
        if (rejections.Count == 0)
        {
            throw new ArgumentException("A rejected result needs at least one rejection.", nameof(rejections));
        }

        return new ConversionValidationResult(null, rejections);
    }
}
