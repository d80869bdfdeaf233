namespace Partnerize.Client.Tracking.Internal;

/// <summary>
/// An input row after validation and URL building: either ready to send (its conversion reference and URL) or already
/// finished (a result). The validated model itself is not kept: the send needs only these two.
/// </summary>
internal readonly record struct PreparedRow(string? ConversionRef, string? Url, ConversionResult? Result);
