using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Partnerize.Client.Diagnostics.Internal;
using Partnerize.Client.Tracking;
using Partnerize.Client.Tracking.Internal;

namespace Partnerize.Client.DependencyInjection.Internal;

/// <summary>Registers conversion tracking: HTTP client, resilience, telemetry and the tracker.</summary>
internal static class TrackingRegistration
{
    // Kept as raw text: HttpClient copies its default headers into every request, and copying a parsed header value
    // takes a lock on it that every concurrent send then contends for.
    private static readonly string UserAgent = new ProductInfoHeaderValue(
        "Partnerize.Client", typeof(TrackingRegistration).Assembly.GetName().Version?.ToString(3) ?? "1.0.0").ToString();

    public static IHttpClientBuilder Add(IServiceCollection services)
    {
        var client = services.AddHttpClient(PartnerizeHttpClientNames.Tracking);

        // AddPartnerize may run more than once; a second resilience handler would square the retries.
        if (services.Any(descriptor => descriptor.ServiceType == typeof(Marker)))
        {
            return client;
        }

        services.AddSingleton<Marker>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<TrackingMetrics>();
        services.TryAddSingleton<IConversionTracker, ConversionTracker>();

        client
            .ConfigureHttpClient(http =>
            {
                // Each attempt has its own timeout in the resilience pipeline; the caller's token bounds the whole send.
                http.Timeout = Timeout.InfiniteTimeSpan;
                http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent);
            })

            // IHttpClientFactory's default logging writes every URL (order IDs, click refs) at Information level.
            .RemoveAllLoggers();
        client.AddResilienceHandler(TrackingResilience.PipelineName, TrackingResilience.Configure);

        // Added after the resilience handler, so it runs inside it and sees every attempt.
        client.AddHttpMessageHandler(provider => new TrackingAttemptHandler(
            provider.GetRequiredService<TrackingMetrics>(), provider.GetRequiredService<TimeProvider>()));
        return client;
    }

    private sealed class Marker;
}
