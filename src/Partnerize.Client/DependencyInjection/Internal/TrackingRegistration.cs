using Microsoft.Extensions.DependencyInjection;

namespace Partnerize.Client.DependencyInjection.Internal;

/// <summary>Registers conversion tracking: HTTP client, resilience, telemetry and the tracker.</summary>
internal static class TrackingRegistration
{
    public static IHttpClientBuilder Add(IServiceCollection services) => services.AddHttpClient(PartnerizeHttpClientNames.Tracking);
}
