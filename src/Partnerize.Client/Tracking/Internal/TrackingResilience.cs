using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Telemetry;
using Polly.Timeout;

namespace Partnerize.Client.Tracking.Internal;

/// <summary>
/// The resilience pipeline of the tracking client: retries of transient failures (outer) around a per-attempt
/// timeout (inner), built from <see cref="PartnerizeOptions"/> and rebuilt when they change.
/// </summary>
/// <remarks>
/// Polly takes its clock from the <see cref="TimeProvider"/> registered in the container, so back-off delays and
/// timeouts follow a fake clock in tests; the <c>Retry-After</c> date arithmetic uses the same clock.
/// </remarks>
internal static class TrackingResilience
{
    public const string PipelineName = "tracking";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        context.EnableReloads<PartnerizeOptions>();
        var options = context.GetOptions<PartnerizeOptions>();
        var timeProvider = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
        var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(TrackingLog.Category);
        var maxDelay = options.MaxRetryDelay;

        // Polly logs every attempt at Information ("Execution attempt") and every retry at Warning. The tracker reports
        // each row once itself (a warning when it fails), so this pipeline's events go to Debug and a healthy batch
        // stays quiet. The container's telemetry options are copied to keep their enrichers and result formatter.
        var telemetry = new TelemetryOptions(context.ServiceProvider.GetRequiredService<IOptions<TelemetryOptions>>().Value)
        {
            SeverityProvider = args => args.Event.Severity is ResilienceEventSeverity.Information or ResilienceEventSeverity.Warning
                ? ResilienceEventSeverity.Debug
                : args.Event.Severity,
        };
        builder.ConfigureTelemetry(telemetry);

        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = maxDelay,
                ShouldHandle = args => ValueTask.FromResult(TransientFailures.IsTransient(args.Outcome)),

                // Polly does not cap a generated delay with MaxDelay, so the cap is applied here.
                DelayGenerator = args => ValueTask.FromResult(TransientFailures.RetryAfter(args.Outcome.Result, timeProvider, maxDelay)),
                OnRetry = args =>
                {
                    if (logger.IsEnabled(LogLevel.Debug))
                    {
                        logger.RetryScheduled(args.AttemptNumber + 1, Describe(args.Outcome), args.RetryDelay.TotalMilliseconds);
                    }

                    return default;
                },
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.TrackingTimeout });
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        null => outcome.Result is { } response ? $"HTTP {(int)response.StatusCode}" : "no answer",
        TimeoutRejectedException => "a timeout",
        HttpRequestException => "a connection failure",
        var other => other.GetType().Name,
    };
}
