using Partnerize.Client.Conversions;

namespace Partnerize.Client.Testing;

/// <summary>One request the fake Partnerize received, and how it answered.</summary>
public sealed record FakeRequest
{
    /// <summary>The order of arrival, from 1.</summary>
    public required long Sequence { get; init; }

    /// <summary>The host the request was meant for, judged by its path.</summary>
    public required FakeHost Host { get; init; }

    /// <summary>The HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>The request target exactly as received (the server's raw target; the handler's escaped path and query).</summary>
    public required string RawTarget { get; init; }

    /// <summary>The request headers, names as sent.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; }

    /// <summary>When the request arrived, on the fake's clock.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The status answered; <see langword="null"/> when the connection was dropped.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Whether the connection was dropped instead of answered.</summary>
    public bool ConnectionDropped { get; init; }

    /// <summary>The fault that applied, if any.</summary>
    public FakeFault? Fault { get; init; }

    /// <summary>For a tracking request, the parsed URL; <see langword="null"/> when it broke the grammar.</summary>
    public ParsedTrackingUrl? TrackingUrl { get; init; }

    /// <summary>For a tracking request whose URL parsed, its conversion reference.</summary>
    public string? ConversionRef => TrackingUrl?.Get(ParameterNames.ConversionRef);

    /// <summary>Which attempt this was for the same conversion (tracking) or the same path (management API), from 1.</summary>
    public int Attempt { get; init; }

    /// <summary>Why the fake refused the request (bad grammar, invalid conversion, wrong keys), if it did.</summary>
    public string? Error { get; init; }

    /// <summary>The value of a header, or <see langword="null"/> when it was not sent.</summary>
    /// <param name="name">The header name, any case.</param>
    /// <returns>The value.</returns>
    public string? Header(string name)
    {
        foreach (var header in Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }
}
