using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Partnerize.Client.Conversions;
using Partnerize.Client.Testing;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Tests.Tracking;

/// <summary>Builds the real DI graph of <c>AddPartnerize</c> around a fake Partnerize, with fast retries and fake logging.</summary>
internal static class TrackerHarness
{
    public const string CampaignId = "10l176";

    /// <summary>A real-time guard for waits on traffic: a broken test fails after it instead of hanging the suite.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    /// <summary>A token that cancels after <see cref="Guard"/>.</summary>
    public static CancellationToken GuardToken => new CancellationTokenSource(Guard).Token;

    public static ServiceProvider Create(FakePartnerize fake, Action<PartnerizeOptions>? configure = null, TimeProvider? timeProvider = null) =>
        Build(options => configure?.Invoke(options), timeProvider, builder => builder.UseFakePartnerize(fake));

    public static ServiceProvider Create(FakePartnerizeServer server, Action<PartnerizeOptions>? configure = null, TimeProvider? timeProvider = null) =>
        Build(
            options =>
            {
                server.Configure(options);
                configure?.Invoke(options);
            },
            timeProvider,
            _ => { });

    public static IConversionTracker Tracker(this IServiceProvider services) => services.GetRequiredService<IConversionTracker>();

    public static ConversionDraft Draft(int i) => new()
    {
        ConversionRef = $"ORD-{i}",
        ClickRef = $"click-{i}",
        Currency = "GBP",
        Item = ConversionItemDraft.Create("shoes", 1 + (i % 3), 10.5m + i, $"SKU-{i}"),
    };

    public static IEnumerable<ConversionDraft> Drafts(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Draft(i);
        }
    }

    public static async Task<List<ConversionResult>> ToListAsync(this IAsyncEnumerable<ConversionResult> results)
    {
        var list = new List<ConversionResult>();
        await foreach (var result in results)
        {
            list.Add(result);
        }

        return list;
    }

    private static ServiceProvider Build(Action<PartnerizeOptions> configure, TimeProvider? timeProvider, Action<PartnerizeBuilder> wire)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
        services.AddFakeLogging();
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        var builder = services.AddPartnerize(options =>
        {
            options.CampaignId = CampaignId;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            options.MaxRetryDelay = TimeSpan.FromMilliseconds(2);
            options.TrackingTimeout = TimeSpan.FromSeconds(10);
            configure(options);
        });
        wire(builder);
        return services.BuildServiceProvider();
    }
}
