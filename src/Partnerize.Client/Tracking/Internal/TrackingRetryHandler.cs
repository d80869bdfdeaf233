using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace Partnerize.Client.Tracking.Internal;

/// <summary>
/// The tracking client's retries and per-attempt timeout (docs/tracking.md, "Retries"): transient failures
/// (<see cref="TransientFailures"/>) are sent again after the server's wait or an exponential back-off with jitter,
/// every wait capped at <see cref="PartnerizeOptions.MaxRetryDelay"/>; each attempt may take
/// <see cref="PartnerizeOptions.TrackingTimeout"/>. The handlers inside it (the attempt counter, the application's own,
/// the transport) run once per attempt.
/// </summary>
/// <remarks>
/// Written by hand rather than as a Polly pipeline because this handler runs once per conversion and a backfill sends
/// millions: Polly's retry and timeout strategies, even built directly, take several async layers per request, and
/// measured against a loopback sink they cost about a microsecond of CPU per conversion more than this single loop
/// (the Microsoft.Extensions.Http.Resilience handler used before cost about two). The management API keeps its
/// Polly pipeline. Settings are read from <see cref="IOptionsMonitor{TOptions}"/> at each send, so a reloaded
/// configuration applies to the next conversion; waits and timeouts run on the container's
/// <see cref="TimeProvider"/>, so tests drive them with a fake clock.
/// </remarks>
internal sealed class TrackingRetryHandler : DelegatingHandler
{
    private readonly IOptionsMonitor<PartnerizeOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly AttemptTimeouts _timeouts;
    private readonly ILogger _logger;

    public TrackingRetryHandler(IOptionsMonitor<PartnerizeOptions> options, TimeProvider timeProvider, AttemptTimeouts timeouts, ILoggerFactory loggerFactory)
    {
        _options = options;
        _timeProvider = timeProvider;
        _timeouts = timeouts;
        _logger = loggerFactory.CreateLogger(TrackingLog.Category);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        var backoffState = 0d;
        for (var attempt = 0; ; attempt++)
        {
            // Not every handler below looks at the token before it sends; a cancelled caller must send nothing more.
            cancellationToken.ThrowIfCancellationRequested();
            var response = (HttpResponseMessage?)null;
            var failure = (Exception?)null;
            var timeout = _timeouts.Start(options.TrackingTimeout);

            // The caller's token cancels the attempt too; registered rather than linked, so the source can be reused.
            var callerRegistration = cancellationToken.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), timeout);
            try
            {
                response = await base.SendAsync(request, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
            {
                // The same exception Polly's timeout strategy threw: the tracker reports it as a timed-out attempt.
                failure = new TimeoutRejectedException(
                    $"The tracking request attempt did not complete within {options.TrackingTimeout} (PartnerizeOptions.TrackingTimeout).",
                    options.TrackingTimeout,
                    exception);
            }
            catch (HttpRequestException exception)
            {
                failure = exception;
            }
            finally
            {
                await callerRegistration.DisposeAsync().ConfigureAwait(false);
                _timeouts.Return(timeout);
            }

            // A permanent answer, the last attempt, or a caller who has given up: the answer (or failure) stands.
            var transient = response is null || TransientFailures.IsTransient(response.StatusCode);
            if (!transient || attempt >= options.MaxRetryAttempts || cancellationToken.IsCancellationRequested)
            {
                if (response is null)
                {
                    // Rethrown with the stack of the attempt that failed.
                    ExceptionDispatchInfo.Throw(failure!);
                }

                return response;
            }

            var delay = TransientFailures.RetryAfter(response, _timeProvider, options.MaxRetryDelay)
                ?? RetryBackoff.Next(attempt, options.RetryBaseDelay, options.MaxRetryDelay, Random.Shared.NextDouble(), ref backoffState);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                _logger.RetryScheduled(attempt + 1, Describe(response, failure), delay.TotalMilliseconds);
            }

            // The request message is sent again as it is; the answer being retried is no longer needed.
            response?.Dispose();
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string Describe(HttpResponseMessage? response, Exception? failure) => failure switch
    {
        null => response is { } answer ? $"HTTP {(int)answer.StatusCode}" : "no answer",
        TimeoutRejectedException => "a timeout",
        HttpRequestException => "a connection failure",
        var other => other.GetType().Name,
    };
}
