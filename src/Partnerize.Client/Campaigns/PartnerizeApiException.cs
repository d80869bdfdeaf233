using System.Net;

namespace Partnerize.Client.Campaigns;

/// <summary>
/// A call to the Partnerize management API failed: an error answer, an unreachable host, a timeout, or an answer that is
/// not what the API sends. The message says what to do; the properties carry the details.
/// </summary>
/// <remarks>
/// Carries no request and no header: the keys never travel with it. See docs/errors.md for every case.
/// </remarks>
public sealed class PartnerizeApiException : Exception
{
    /// <summary>The most bytes of an answer's body kept in <see cref="ResponseBody"/>.</summary>
    public const int MaxResponseBodyBytes = 4096;

    /// <summary>Creates an exception with a default message.</summary>
    public PartnerizeApiException()
        : base("A call to the Partnerize management API failed.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    public PartnerizeApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="innerException">The cause, e.g. the connection failure.</param>
    public PartnerizeApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What kind of failure this is.</summary>
    public PartnerizeApiErrorKind Kind { get; init; }

    /// <summary>The HTTP status of Partnerize's answer; <see langword="null"/> when no answer arrived.</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>The request that failed, as method and path without query, e.g. <c>GET /campaign/10l176</c>.</summary>
    public string? Endpoint { get; init; }

    /// <summary>Partnerize's own error code from the answer's body (e.g. <c>401</c>), when it sent one.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Partnerize's own error message from the answer's body (e.g. <c>Unauthorized</c>), when it sent one.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The answer's body, cut to <see cref="MaxResponseBodyBytes"/> bytes; <see langword="null"/> when there was none.</summary>
    public string? ResponseBody { get; init; }

    /// <summary>Whether <see cref="ResponseBody"/> was cut.</summary>
    public bool IsResponseBodyTruncated { get; init; }

    /// <summary>How long Partnerize asked to wait before trying again (<c>Retry-After</c> and the rate-limit headers), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
