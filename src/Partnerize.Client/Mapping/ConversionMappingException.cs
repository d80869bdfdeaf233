namespace Partnerize.Client.Mapping;

/// <summary>
/// Thrown when a <see cref="ConversionMapping"/> is built, bound or loaded from a definition that is itself wrong, before
/// any row is read. It lists every problem found.
/// </summary>
public sealed class ConversionMappingException : Exception
{
    /// <summary>Creates the exception for the given problems.</summary>
    /// <param name="errors">Every problem of the mapping; at least one.</param>
    public ConversionMappingException(IReadOnlyList<ConversionMappingError> errors)
        : this(errors, null)
    {
    }

    /// <summary>Creates the exception with a message and no listed problems.</summary>
    public ConversionMappingException()
        : this("The conversion mapping is not valid.")
    {
    }

    /// <summary>Creates the exception with a message and no listed problems.</summary>
    /// <param name="message">The message.</param>
    public ConversionMappingException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Creates the exception with a message, an inner exception and no listed problems.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ConversionMappingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    internal ConversionMappingException(IReadOnlyList<ConversionMappingError> errors, Exception? innerException)
        : base(Describe(errors), innerException)
    {
        Errors = errors;
    }

    /// <summary>Every problem of the mapping, in the order of its entries.</summary>
    public IReadOnlyList<ConversionMappingError> Errors { get; }

    /// <summary>The entry of the first problem, e.g. <c>custom.currency</c>; <see langword="null"/> when none is listed.</summary>
    public string? Entry => Errors.Count > 0 ? Errors[0].Entry : null;

    private static string Describe(IReadOnlyList<ConversionMappingError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count switch
        {
            0 => "The conversion mapping is not valid.",
            1 => "The conversion mapping is not valid: " + errors[0],
            _ => $"The conversion mapping is not valid ({errors.Count} problems): " + string.Join("; ", errors),
        };
    }
}
