using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Partnerize.Client.Campaigns;
using RichardSzalay.MockHttp;

namespace Partnerize.Client.Tests.Campaigns;

/// <summary>
/// The real DI graph of <c>AddPartnerize</c> with MockHttp as the primary handler of both clients (any request nobody
/// expected fails the test), a FakeLogger collecting every level, and an activity listener collecting every span.
/// </summary>
internal sealed class ApiHarness : IDisposable
{
    public const string ApplicationKey = "app-canary-51ad";
    public const string ApiKey = "canary-secret-9f3b";
    public const string ApiHost = "https://api.partnerize.com";
    public const string TrackingHost = "https://prf.hn";

    public static readonly string EncodedCredentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(ApplicationKey + ":" + ApiKey));

    private readonly ActivityListener _listener;

    private ApiHarness(Dictionary<string, string?> settings, RecordingTimeProvider? time, bool useMock)
    {
        Time = time;
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        Mock.Fallback.Respond(request => throw new AssertionException($"Unexpected request: {request.Method} {request.RequestUri}"));

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        if (time is not null)
        {
            services.AddSingleton<TimeProvider>(time);
        }

        var builder = services.AddPartnerize(Configuration);
        if (useMock)
        {
            builder.ApiHttpClient.ConfigurePrimaryHttpMessageHandler(() => Mock);
            builder.TrackingHttpClient.ConfigurePrimaryHttpMessageHandler(() => Mock);
        }

        Provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        _listener = new ActivityListener
        {
            ShouldListenTo = static _ => true,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public MockHttpMessageHandler Mock { get; } = new();

    public RecordingTimeProvider? Time { get; }

    public IConfigurationRoot Configuration { get; }

    public ServiceProvider Provider { get; }

    public ConcurrentQueue<Activity> Activities { get; } = new();

    public FakeLogCollector Logs => Provider.GetFakeLogCollector();

    public ICampaignsClient Campaigns => Provider.GetRequiredService<ICampaignsClient>();

    public IPartnerizeApi Api => Provider.GetRequiredService<IPartnerizeApi>();

    /// <summary>Settings every test starts from: keys set, retries fast enough to run in real time.</summary>
    public static Dictionary<string, string?> DefaultSettings() => new()
    {
        ["Partnerize:ApplicationKey"] = ApplicationKey,
        ["Partnerize:ApiKey"] = ApiKey,
        ["Partnerize:MaxRetryAttempts"] = "2",
        ["Partnerize:RetryBaseDelay"] = "00:00:00.001",
        ["Partnerize:MaxRetryDelay"] = "00:00:00.005",
    };

    public static ApiHarness Create(Action<Dictionary<string, string?>>? adjust = null, bool fakeTime = false, bool useMock = true)
    {
        var settings = DefaultSettings();
        adjust?.Invoke(settings);
        return new ApiHarness(settings, fakeTime ? new RecordingTimeProvider() : null, useMock);
    }

    public static string CampaignJson(string id, string status = "a", string title = "Spring sale") =>
        $$$"""{"campaign": {"campaign_id": "{{{id}}}", "title": "{{{title}}}", "status": "{{{status}}}", "default_currency": "GBP"}}""";

    public static string PageJson(string? nextPage, params string[] campaignIds) =>
        $$$"""
        {
          "campaigns": [{{{string.Join(",", campaignIds.Select(id => CampaignJson(id)))}}}],
          "count": {{{campaignIds.Length}}},
          "hypermedia": {"pagination": {"next_page": {{{(nextPage is null ? "null" : "\"" + nextPage + "\"")}}}}}
        }
        """;

    /// <summary>Every text the library produced during the test: log records, span names, tags, events and status.</summary>
    public IEnumerable<string> TelemetryTexts()
    {
        foreach (var record in Logs.GetSnapshot())
        {
            yield return record.Message;
            yield return record.Exception?.ToString() ?? string.Empty;
            foreach (var pair in record.StructuredState ?? [])
            {
                yield return pair.Key + "=" + pair.Value;
            }
        }

        foreach (var activity in Activities)
        {
            yield return activity.DisplayName;
            yield return activity.StatusDescription ?? string.Empty;
            foreach (var tag in activity.TagObjects)
            {
                yield return tag.Key + "=" + tag.Value;
            }

            foreach (var activityEvent in activity.Events)
            {
                foreach (var tag in activityEvent.Tags)
                {
                    yield return tag.Key + "=" + tag.Value;
                }
            }
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        Provider.Dispose();
        Mock.Dispose();
    }
}
