using System.Globalization;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Partnerize.Client.Http.Internal;
using Polly;

namespace Partnerize.Client.Campaigns.Internal;

/// <summary>
/// The management API's resilience: GETs that meet 408, 429, 5xx, a connection failure or an attempt timeout are retried
/// with exponential back-off and jitter, waiting as long as Partnerize asks (<c>Retry-After</c>,
/// <c>X-RateLimit-Retry-After</c>, <c>X-RateLimit-Reset</c>) up to <see cref="PartnerizeOptions.MaxRetryDelay"/>; each
/// attempt is bounded by <see cref="PartnerizeOptions.ApiTimeout"/>. Rebuilt when the options change.
/// </summary>
internal static class ApiResiliencePipeline
{
    public const string Name = "partnerize-api";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        context.EnableReloads<PartnerizeOptions>();
        var options = context.GetOptions<PartnerizeOptions>();
        var services = context.ServiceProvider;
        var timeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var logger = (ILogger?)services.GetService<ILoggerFactory>()?.CreateLogger(typeof(ApiResiliencePipeline).FullName!) ?? NullLogger.Instance;

        // Waits and timeouts follow the application's clock, so tests (and simulations) can drive them.
        builder.TimeProvider = timeProvider;

        if (options.MaxRetryAttempts > 0)
        {
            var maxDelay = options.MaxRetryDelay;
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = maxDelay,
                ShouldRetryAfterHeader = false,
                ShouldHandle = static args => ValueTask.FromResult(
                    !args.Context.CancellationToken.IsCancellationRequested
                    && IsRetryableMethod(args.Outcome.Result?.RequestMessage ?? args.Context.GetRequestMessage())
                    && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                DelayGenerator = args =>
                {
                    // Polly's MaxDelay does not apply to generated delays, so the server's wish is capped here.
                    TimeSpan? delay = args.Outcome.Result is { } response && RateLimitHeaders.TryGetRetryDelay(response, timeProvider.GetUtcNow(), out var asked)
                        ? (asked > maxDelay ? maxDelay : asked)
                        : null;
                    return ValueTask.FromResult(delay);
                },
                OnRetry = args =>
                {
                    if (logger.IsEnabled(LogLevel.Debug))
                    {
                        var response = args.Outcome.Result;
                        var endpoint = PartnerizeApiErrors.DescribeEndpoint(response?.RequestMessage ?? args.Context.GetRequestMessage());
                        var outcome = response is not null
                            ? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)
                            : args.Outcome.Exception?.GetType().Name ?? "a failure";
                        var serverAskedWait = response is not null && RateLimitHeaders.TryGetRetryDelay(response, timeProvider.GetUtcNow(), out _);
                        CampaignsLog.RetryingRequest(logger, endpoint, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, outcome, serverAskedWait);
                    }

                    return default;
                },
            });
        }

        builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.ApiTimeout });
    }

    // Only reads are repeated: a retried write could act twice. Every call of IPartnerizeApi is a GET today.
    private static bool IsRetryableMethod(HttpRequestMessage? request) =>
        request is not null && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head);
}
