using Partnerize.Client.Conversions;

namespace Partnerize.Client.Tracking.Internal;

/// <summary>An input row after validation and URL building: either ready to send (conversion and URL) or already finished (a result).</summary>
internal readonly record struct PreparedRow(Conversion? Conversion, string? Url, ConversionResult? Result);
