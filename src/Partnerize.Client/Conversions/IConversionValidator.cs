namespace Partnerize.Client.Conversions;

/// <summary>
/// Checks a <see cref="ConversionDraft"/> against Partnerize's rules and the documented required fields, before
/// anything is sent.
/// </summary>
/// <remarks>
/// Registered by <c>services.AddPartnerize()</c>; <see cref="ConversionValidator.Default"/> is the same
/// implementation without dependency injection. Substitute it in tests of your own code.
/// </remarks>
public interface IConversionValidator
{
    /// <summary>
    /// Validates a draft. Never throws for bad data: every problem of the draft is reported at once.
    /// </summary>
    /// <param name="draft">The draft to validate.</param>
    /// <returns>A valid <see cref="Conversion"/> (trimmed and normalised) or every rejection.</returns>
    ConversionValidationResult Validate(ConversionDraft draft);
}
