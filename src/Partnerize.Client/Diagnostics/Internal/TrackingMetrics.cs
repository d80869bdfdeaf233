using System.Diagnostics.Metrics;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Diagnostics.Internal;

/// <summary>
/// The tracking instruments of the <c>Partnerize.Client</c> meter, created through <see cref="IMeterFactory"/> so that
/// each service provider (and each test) gets its own meter. Tags have bounded cardinality: never a reference or a URL.
/// </summary>
internal sealed class TrackingMetrics
{
    public const string ConversionsInstrument = "partnerize.tracking.conversions";
    public const string RequestDurationInstrument = "partnerize.tracking.request.duration";
    public const string OutcomeTag = "outcome";
    public const string StatusClassTag = "status_class";

    // The OpenTelemetry HTTP client duration buckets: most tracking answers land between 10 ms and 1 s.
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private readonly Counter<long> _conversions;
    private readonly Histogram<double> _requestDuration;

    public TrackingMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(new MeterOptions(PartnerizeDiagnostics.MeterName)
        {
            Version = typeof(TrackingMetrics).Assembly.GetName().Version?.ToString(),
        });
        _conversions = meter.CreateCounter<long>(
            ConversionsInstrument,
            unit: "{conversion}",
            description: "Conversions handed to the tracker, by outcome: sent, rejected, failed or cancelled.");
        _requestDuration = meter.CreateHistogram(
            RequestDurationInstrument,
            unit: "s",
            description: "Duration of each HTTP request to the tracking host (every attempt, retries included), by status class.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
    }

    public void RecordConversion(ConversionOutcome outcome) =>
        _conversions.Add(1, new KeyValuePair<string, object?>(OutcomeTag, OutcomeName(outcome)));

    /// <summary>Whether anyone listens to the request duration histogram; no listener, no measurement to take.</summary>
    public bool RequestDurationEnabled => _requestDuration.Enabled;

    public void RecordRequest(TimeSpan duration, int? statusCode) =>
        _requestDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>(StatusClassTag, StatusClass(statusCode)));

    public static string OutcomeName(ConversionOutcome outcome) => outcome switch
    {
        ConversionOutcome.Sent => "sent",
        ConversionOutcome.Rejected => "rejected",
        ConversionOutcome.Failed => "failed",
        _ => "cancelled",
    };

    private static string StatusClass(int? statusCode) => statusCode switch
    {
        >= 100 and < 200 => "1xx",
        >= 200 and < 300 => "2xx",
        >= 300 and < 400 => "3xx",
        >= 400 and < 500 => "4xx",
        >= 500 and < 600 => "5xx",
        _ => "none",
    };
}
