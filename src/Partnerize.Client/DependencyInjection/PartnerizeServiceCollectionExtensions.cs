using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Partnerize.Client.Conversions;
using Partnerize.Client.DependencyInjection.Internal;

namespace Partnerize.Client;

/// <summary>Registers Partnerize.Client with dependency injection.</summary>
public static class PartnerizeServiceCollectionExtensions
{
    /// <summary>
    /// Adds Partnerize.Client, binding <see cref="PartnerizeOptions"/> from the configuration section
    /// <paramref name="sectionName"/> (default <c>Partnerize</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The application configuration.</param>
    /// <param name="sectionName">The section holding the settings.</param>
    /// <returns>A builder exposing both HTTP clients.</returns>
    public static PartnerizeBuilder AddPartnerize(this IServiceCollection services, IConfiguration configuration, string sectionName = PartnerizeOptions.SectionName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(sectionName);
        services.AddOptions<PartnerizeOptions>().Bind(configuration.GetSection(sectionName));
        return services.AddPartnerizeCore();
    }

    /// <summary>Adds Partnerize.Client, configuring <see cref="PartnerizeOptions"/> with a delegate.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder exposing both HTTP clients.</returns>
    public static PartnerizeBuilder AddPartnerize(this IServiceCollection services, Action<PartnerizeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<PartnerizeOptions>().Configure(configure);
        return services.AddPartnerizeCore();
    }

    /// <summary>Adds Partnerize.Client with options configured elsewhere (or left at their defaults).</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder exposing both HTTP clients.</returns>
    public static PartnerizeBuilder AddPartnerize(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddPartnerizeCore();
    }

    private static PartnerizeBuilder AddPartnerizeCore(this IServiceCollection services)
    {
        // A second call must not add a second auth handler or retry pipeline: it only hands back the first builder.
        if (services.FirstOrDefault(static descriptor => descriptor.ServiceType == typeof(PartnerizeRegistrationMarker))?.ImplementationInstance
            is PartnerizeRegistrationMarker registered)
        {
            return registered.Builder;
        }

        services.AddOptions<PartnerizeOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PartnerizeOptions>, PartnerizeOptionsValidator>());
        services.TryAddSingleton(ConversionValidator.Default);
        var api = ApiRegistration.Add(services);
        var tracking = TrackingRegistration.Add(services);
        var builder = new PartnerizeBuilder(services, api, tracking);
        services.AddSingleton(new PartnerizeRegistrationMarker(builder));
        return builder;
    }
}
