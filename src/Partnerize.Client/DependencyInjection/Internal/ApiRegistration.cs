using Microsoft.Extensions.DependencyInjection;

namespace Partnerize.Client.DependencyInjection.Internal;

/// <summary>Registers the management API: HTTP client, authentication, resilience, Refit interface, campaigns client.</summary>
internal static class ApiRegistration
{
    public static IHttpClientBuilder Add(IServiceCollection services) => services.AddHttpClient(PartnerizeHttpClientNames.Api);
}
