using Microsoft.Extensions.DependencyInjection;

namespace Partnerize.Client;

/// <summary>
/// Returned by <c>services.AddPartnerize(...)</c>: the service collection and the two HTTP client builders,
/// so that you can add your own handlers (a proxy, extra logging) to either host.
/// </summary>
public sealed class PartnerizeBuilder
{
    internal PartnerizeBuilder(IServiceCollection services, IHttpClientBuilder apiHttpClient, IHttpClientBuilder trackingHttpClient)
    {
        Services = services;
        ApiHttpClient = apiHttpClient;
        TrackingHttpClient = trackingHttpClient;
    }

    /// <summary>The service collection Partnerize.Client was added to.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The HTTP client of the management API (<see cref="PartnerizeHttpClientNames.Api"/>).</summary>
    public IHttpClientBuilder ApiHttpClient { get; }

    /// <summary>The HTTP client of the tracking host (<see cref="PartnerizeHttpClientNames.Tracking"/>).</summary>
    public IHttpClientBuilder TrackingHttpClient { get; }
}
