using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Partnerize.Client.Campaigns;
using Partnerize.Client.Campaigns.Internal;

namespace Partnerize.Client.DependencyInjection.Internal;

/// <summary>Registers the management API: HTTP client, authentication, resilience, Refit interface, campaigns client.</summary>
internal static class ApiRegistration
{
    public static IHttpClientBuilder Add(IServiceCollection services)
    {
        services.TryAddSingleton<PartnerizeApiFactory>();

        // Both need the keys: resolving them without keys fails at once, naming the settings, rather than at the first call.
        services.TryAddTransient<IPartnerizeApi>(static provider => provider.GetRequiredService<PartnerizeApiFactory>().Create());
        services.TryAddSingleton<ICampaignsClient>(static provider =>
        {
            var factory = provider.GetRequiredService<PartnerizeApiFactory>();
            factory.EnsureKeysConfigured();
            return new CampaignsClient(factory, provider.GetRequiredService<ILogger<CampaignsClient>>());
        });

        var client = services.AddHttpClient(PartnerizeHttpClientNames.Api)
            .ConfigureHttpClient(static (provider, httpClient) =>
            {
                httpClient.BaseAddress = provider.GetRequiredService<IOptionsMonitor<PartnerizeOptions>>().CurrentValue.ApiBaseAddress;

                // Each attempt has its own timeout in the resilience pipeline; an overall HttpClient timeout would cut retries short.
                httpClient.Timeout = Timeout.InfiniteTimeSpan;
            });

        client.AddResilienceHandler(ApiResiliencePipeline.Name, ApiResiliencePipeline.Configure);

        // Registered after AddHttpClient's logging filter, so it runs inside it: credentials are added after the
        // request headers were logged, on every attempt the pipeline makes.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, ApiAuthenticationFilter>());
        return client;
    }
}
