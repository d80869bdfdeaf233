using System.Globalization;
using System.Text;
using Partnerize.Client.Conversions;

namespace Partnerize.Client.Tests.Tracking;

/// <summary>
/// A generated series of calls on a <see cref="ConversionBuilder"/> (valid or not), the URL length limit to build
/// with, and an earlier series the builder may have served before <see cref="ConversionBuilder.Clear"/>.
/// </summary>
/// <param name="Steps">The calls, in order.</param>
/// <param name="Previous">The calls of the row before, for a reused builder.</param>
/// <param name="MaxLength">The URL length limit.</param>
public sealed record BuilderRecipe(IReadOnlyList<BuilderStep> Steps, IReadOnlyList<BuilderStep> Previous, int MaxLength)
{
    /// <summary>Applies the calls to a builder.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public ConversionBuilder ApplyTo(ConversionBuilder builder)
    {
        foreach (var step in Steps)
        {
            step.Apply(builder);
        }

        return builder;
    }

    /// <summary>A builder that served <see cref="Previous"/>, was cleared, then got <see cref="Steps"/>.</summary>
    /// <returns>The builder.</returns>
    public ConversionBuilder Reused()
    {
        var builder = new ConversionBuilder();
        foreach (var step in Previous)
        {
            step.Apply(builder);
        }

        return ApplyTo(builder.Clear());
    }

    /// <summary>Every call, so that a failing case can be read and replayed.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"maxLength={MaxLength} steps: {string.Join(" ", Steps)} previous: {string.Join(" ", Previous)}");

    /// <summary>Text escaped to ASCII, quoted, or <c>null</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The escaped text.</returns>
    public static string Show(string? text)
    {
        if (text is null)
        {
            return "null";
        }

        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c is >= ' ' and <= '~' && c != '"' && c != '\\' ? c.ToString() : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"));
        }

        return builder.Append('"').ToString();
    }
}
