using Partnerize.Client.Conversions;

namespace Partnerize.Client.Tests.Tracking;

/// <summary>One call made on a <see cref="ConversionBuilder"/>, with a readable description of it.</summary>
/// <param name="Description">The call as C#-like text, with every value escaped to ASCII.</param>
/// <param name="Apply">The call.</param>
public sealed record BuilderStep(string Description, Action<ConversionBuilder> Apply)
{
    /// <summary>The description.</summary>
    public override string ToString() => Description;
}
