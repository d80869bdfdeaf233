namespace Partnerize.Client.Diagnostics;

/// <summary>
/// The names under which Partnerize.Client publishes telemetry, for OpenTelemetry and <c>dotnet-counters</c>.
/// </summary>
/// <remarks>See docs/telemetry.md for every instrument, span and log event.</remarks>
public static class PartnerizeDiagnostics
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name: one span per public operation.</summary>
    public const string ActivitySourceName = "Partnerize.Client";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name.</summary>
    public const string MeterName = "Partnerize.Client";
}
