using System.Net;
using Partnerize.Client.Conversions;

namespace Partnerize.Client.Tracking;

/// <summary>
/// What happened to one conversion: the outcome, the exact request made and Partnerize's answer. A result is a value,
/// never an exception: a batch does not stop because one row was bad.
/// </summary>
/// <remarks>
/// <see cref="Url"/> holds the conversion reference and click reference, and <see cref="ResponseBody"/> is whatever the
/// tracking host answered; treat them as you treat order data when you log or store results.
/// </remarks>
public sealed record ConversionResult
{
    /// <summary>The zero-based position of the conversion in the input (always 0 for a single send).</summary>
    public required long Index { get; init; }

    /// <summary>What happened to the conversion.</summary>
    public required ConversionOutcome Outcome { get; init; }

    /// <summary>The campaign the conversion was tracked against.</summary>
    public string? CampaignId { get; init; }

    /// <summary>The conversion reference (order ID), trimmed; <see langword="null"/> when the input had none.</summary>
    public string? ConversionRef { get; init; }

    /// <summary>The exact URL requested, escaped as sent; <see langword="null"/> when nothing could be sent (rejected).</summary>
    public string? Url { get; init; }

    /// <summary>The HTTP status of the last answer; <see langword="null"/> when no answer came (rejected, connection failure, timeout, cancelled before an answer).</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>The body of the last answer, trimmed and cut to at most 1,024 characters; <see langword="null"/> when empty or absent.</summary>
    public string? ResponseBody { get; init; }

    /// <summary>How many HTTP requests were made for this conversion: 0 when none was (rejected, or cancelled before it started).</summary>
    public int Attempts { get; init; }

    /// <summary>How long the conversion took from the start of its send to its result, retries and back-off included.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>For <see cref="ConversionOutcome.Failed"/>, <see cref="ConversionOutcome.Cancelled"/> and <see cref="ConversionOutcome.Rejected"/>, a sentence saying what went wrong; otherwise <see langword="null"/>.</summary>
    public string? FailureReason { get; init; }

    /// <summary>For <see cref="ConversionOutcome.Rejected"/>, every reason the conversion was not sent; otherwise empty.</summary>
    public IReadOnlyList<ConversionRejection> Rejections { get; init; } = [];

    /// <summary>Whether Partnerize received the conversion (<see cref="ConversionOutcome.Sent"/>).</summary>
    public bool IsSent => Outcome == ConversionOutcome.Sent;
}
