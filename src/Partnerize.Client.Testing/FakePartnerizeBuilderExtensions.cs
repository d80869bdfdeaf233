using Microsoft.Extensions.DependencyInjection;

namespace Partnerize.Client.Testing;

/// <summary>Wires a <see cref="FakePartnerize"/> into the dependency injection set up by <c>AddPartnerize</c>.</summary>
public static class FakePartnerizeBuilderExtensions
{
    /// <summary>
    /// Answers both Partnerize HTTP clients (tracking and management API) with <paramref name="fake"/>, in memory,
    /// keeping the rest of the pipeline (retries, timeouts, authentication, telemetry) as in production.
    /// </summary>
    /// <param name="builder">The builder returned by <c>services.AddPartnerize(...)</c>.</param>
    /// <param name="fake">The fake that answers.</param>
    /// <returns>The builder.</returns>
    /// <remarks>When the options carry no <see cref="PartnerizeOptions.ApplicationKey"/> or <see cref="PartnerizeOptions.ApiKey"/>,
    /// the fake's keys are filled in; keys you set yourself are kept, so a test can check what wrong keys do.</remarks>
    /// <example>
    /// <code>
    /// var fake = new FakePartnerize();
    /// services.AddPartnerize(options => options.CampaignId = "10l176").UseFakePartnerize(fake);
    /// </code>
    /// </example>
    public static PartnerizeBuilder UseFakePartnerize(this PartnerizeBuilder builder, FakePartnerize fake)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(fake);
        builder.TrackingHttpClient.ConfigurePrimaryHttpMessageHandler(() => new FakePartnerizeHandler(fake));
        builder.ApiHttpClient.ConfigurePrimaryHttpMessageHandler(() => new FakePartnerizeHandler(fake));
        builder.Services.PostConfigure<PartnerizeOptions>(options =>
        {
            if (string.IsNullOrEmpty(options.ApplicationKey))
            {
                options.ApplicationKey = fake.ApplicationKey;
            }

            if (string.IsNullOrEmpty(options.ApiKey))
            {
                options.ApiKey = fake.ApiKey;
            }
        });
        return builder;
    }
}
