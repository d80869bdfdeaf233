namespace Partnerize.Client.Conversions;

/// <summary>
/// Thrown by <see cref="ConversionBuilder.Build"/> when the conversion is not valid. It carries every rejection.
/// </summary>
/// <remarks>Use <see cref="ConversionBuilder.TryBuild"/> where invalid input is expected (rows from a warehouse).</remarks>
public sealed class ConversionRejectedException : Exception
{
    /// <summary>Creates the exception for the given rejections.</summary>
    /// <param name="rejections">Every reason the conversion was rejected.</param>
    public ConversionRejectedException(IReadOnlyList<ConversionRejection> rejections)
        : base(Describe(rejections))
    {
        Rejections = rejections;
    }

    /// <summary>Creates the exception with a message and no rejections.</summary>
    public ConversionRejectedException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message and no rejections.</summary>
    /// <param name="message">The message.</param>
    public ConversionRejectedException(string message)
        : base(message)
    {
        Rejections = [];
    }

    /// <summary>Creates the exception with a message, an inner exception and no rejections.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ConversionRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Rejections = [];
    }

    /// <summary>Every reason the conversion was rejected, in the order they were found.</summary>
    public IReadOnlyList<ConversionRejection> Rejections { get; }

    private static string Describe(IReadOnlyList<ConversionRejection> rejections)
    {
        ArgumentNullException.ThrowIfNull(rejections);
        return rejections.Count switch
        {
            0 => "The conversion was rejected.",
            1 => "The conversion was rejected: " + rejections[0],
            _ => $"The conversion was rejected for {rejections.Count} reasons: " + string.Join("; ", rejections),
        };
    }
}
