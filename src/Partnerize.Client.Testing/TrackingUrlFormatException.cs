namespace Partnerize.Client.Testing;

/// <summary>Thrown by <see cref="TrackingUrlParser.Parse(string)"/> when a URL does not follow the tracking URL grammar.</summary>
public sealed class TrackingUrlFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public TrackingUrlFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong, and where.</param>
    public TrackingUrlFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong, and where.</param>
    /// <param name="innerException">The cause.</param>
    public TrackingUrlFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
