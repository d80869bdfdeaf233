using Microsoft.Extensions.Options;
using Partnerize.Client.DependencyInjection.Internal;
using Refit;

namespace Partnerize.Client.Campaigns.Internal;

/// <summary>
/// Creates <see cref="IPartnerizeApi"/> on a fresh <c>Partnerize.Api</c> client from the factory (pooled handlers, current
/// base address), after checking that the keys are configured.
/// </summary>
internal sealed class PartnerizeApiFactory(IHttpClientFactory httpClientFactory, IOptionsMonitor<PartnerizeOptions> options)
{
    public IPartnerizeApi Create()
    {
        EnsureKeysConfigured();
        return RestService.For<IPartnerizeApi>(httpClientFactory.CreateClient(PartnerizeHttpClientNames.Api), PartnerizeRefitSettings.Instance);
    }

    public Uri ApiBaseAddress => options.CurrentValue.ApiBaseAddress;

    /// <summary>Throws when either key is missing: tracking works without keys, the management API does not.</summary>
    public void EnsureKeysConfigured()
    {
        var failures = PartnerizeOptionsValidator.ApiKeyFailures(options.CurrentValue);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(PartnerizeOptions), failures);
        }
    }
}
