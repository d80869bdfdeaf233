using Partnerize.Client.Diagnostics.Internal;

namespace Partnerize.Client.Tracking.Internal;

/// <summary>
/// Sits inside the retry handler (<see cref="TrackingRetryHandler"/>), so it sees every attempt: counts attempts for the result and records the
/// request duration histogram (while it has a listener).
/// </summary>
internal sealed class TrackingAttemptHandler : DelegatingHandler
{
    private readonly TrackingMetrics _metrics;
    private readonly TimeProvider _timeProvider;

    public TrackingAttemptHandler(TrackingMetrics metrics, TimeProvider timeProvider)
    {
        _metrics = metrics;
        _timeProvider = timeProvider;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(AttemptCounter.Key, out var attempts))
        {
            attempts.Increment();
        }

        // Timing an attempt takes an async layer of its own around the request; it is only worth it when someone
        // listens to the duration histogram.
        return _metrics.RequestDurationEnabled ? SendTimedAsync(request, cancellationToken) : base.SendAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendTimedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        int? statusCode = null;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            statusCode = (int)response.StatusCode;
            return response;
        }
        finally
        {
            _metrics.RecordRequest(_timeProvider.GetElapsedTime(started), statusCode);
        }
    }
}
