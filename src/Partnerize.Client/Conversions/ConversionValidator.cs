using Partnerize.Client.Conversions.Internal;

namespace Partnerize.Client.Conversions;

/// <summary>Access to the library's validator without dependency injection.</summary>
public static class ConversionValidator
{
    /// <summary>The validator that <c>AddPartnerize()</c> registers: stateless and thread-safe.</summary>
    public static IConversionValidator Default { get; } = new DraftValidator();
}
