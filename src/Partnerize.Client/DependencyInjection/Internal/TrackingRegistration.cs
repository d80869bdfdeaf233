using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Partnerize.Client.Diagnostics.Internal;
using Partnerize.Client.Tracking;
using Partnerize.Client.Tracking.Internal;

namespace Partnerize.Client.DependencyInjection.Internal;

/// <summary>Registers conversion tracking: HTTP client, retries, telemetry and the tracker.</summary>
internal static class TrackingRegistration
{
    // Kept as raw text: HttpClient copies its default headers into every request, and copying a parsed header value
    // takes a lock on it that every concurrent send then contends for.
    private static readonly string UserAgent = new ProductInfoHeaderValue(
        "Partnerize.Client", typeof(TrackingRegistration).Assembly.GetName().Version?.ToString(3) ?? "1.0.0").ToString();

    public static IHttpClientBuilder Add(IServiceCollection services)
    {
        var client = services.AddHttpClient(PartnerizeHttpClientNames.Tracking);

        // AddPartnerize may run more than once; a second retry handler would square the retries.
        if (services.Any(descriptor => descriptor.ServiceType == typeof(Marker)))
        {
            return client;
        }

        services.AddSingleton<Marker>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<TrackingMetrics>();
        services.TryAddSingleton<IConversionTracker, ConversionTracker>();

        // One pool of attempt timeouts for the container, shared by the handler instances IHttpClientFactory rotates.
        services.TryAddSingleton(provider => new AttemptTimeouts(provider.GetRequiredService<TimeProvider>()));

        client
            .ConfigureHttpClient(http =>
            {
                // Each attempt has its own timeout in the retry handler; the caller's token bounds the whole send.
                http.Timeout = Timeout.InfiniteTimeSpan;
                http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent);
            })

            // IHttpClientFactory's default logging writes every URL (order IDs, click refs) at Information level.
            .RemoveAllLoggers();
        client.AddHttpMessageHandler(provider => new TrackingRetryHandler(
            provider.GetRequiredService<IOptionsMonitor<PartnerizeOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<AttemptTimeouts>(),
            provider.GetRequiredService<ILoggerFactory>()));

        // Added after the retry handler, so it runs inside it and sees every attempt.
        client.AddHttpMessageHandler(provider => new TrackingAttemptHandler(
            provider.GetRequiredService<TrackingMetrics>(), provider.GetRequiredService<TimeProvider>()));
        return client;
    }

    private sealed class Marker;
}
