using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Partnerize.Client.Tests.DependencyInjection;

/// <summary>Start-up validation through a real host: each bad setting stops the start with a message naming it and the fix.</summary>
public class PartnerizeOptionsValidationTests
{
    private static IEnumerable<TestCaseData> InvalidSettings()
    {
        yield return Case("ApiBaseAddress", "http://api.partnerize.com/", "Partnerize:ApiBaseAddress is 'http://api.partnerize.com/', which is not HTTPS. Use https://");
        yield return Case("ApiBaseAddress", "ftp://api.partnerize.com/", "Partnerize:ApiBaseAddress is 'ftp://api.partnerize.com/', which is not an https:// address.");
        yield return Case("ApiBaseAddress", "api.partnerize.com", "Partnerize:ApiBaseAddress is 'api.partnerize.com', which is not an absolute address.");
        yield return Case("ApiBaseAddress", "https://api.partnerize.com/?key=1", "Partnerize:ApiBaseAddress is 'https://api.partnerize.com/?key=1', which has a query or fragment.");
        yield return Case("ApiBaseAddress", "https://user:pass@api.partnerize.com/", "Partnerize:ApiBaseAddress contains a user name or password (value hidden).");
        yield return Case("TrackingBaseAddress", "http://prf.hn/", "Partnerize:TrackingBaseAddress is 'http://prf.hn/', which is not HTTPS.");
        yield return Case("CampaignId", "   ", "Partnerize:CampaignId is empty. Set it to a campaign ID such as 10l176");
        yield return Case("ApiTimeout", "00:00:00", "Partnerize:ApiTimeout is 00:00:00; it must be at least 10 ms and at most 1 day.");
        yield return Case("ApiTimeout", "-00:00:05", "Partnerize:ApiTimeout is -00:00:05; it must be at least 10 ms");
        yield return Case("TrackingTimeout", "2.00:00:00", "Partnerize:TrackingTimeout is 2.00:00:00; it must be at least 10 ms and at most 1 day.");
        yield return Case("MaxConcurrency", "0", "Partnerize:MaxConcurrency is 0; it must be 1 or more.");
        yield return Case("MaxConcurrency", "-3", "Partnerize:MaxConcurrency is -3; it must be 1 or more.");
        yield return Case("MaxRetryAttempts", "-1", "Partnerize:MaxRetryAttempts is -1; it must be between 0 (no retries) and 100.");
        yield return Case("MaxRetryAttempts", "101", "Partnerize:MaxRetryAttempts is 101; it must be between 0 (no retries) and 100.");
        yield return Case("RetryBaseDelay", "-00:00:01", "Partnerize:RetryBaseDelay is -00:00:01; it must be zero or more and at most 1 day.");
        yield return Case("MaxRetryDelay", "-00:00:01", "Partnerize:MaxRetryDelay is -00:00:01; it must be more than zero and at most 1 day.");
        yield return Case("MaxRetryDelay", "00:00:00.500", "Partnerize:MaxRetryDelay (00:00:00.5000000) is shorter than Partnerize:RetryBaseDelay (00:00:01); raise MaxRetryDelay or lower RetryBaseDelay");
        yield return Case("MaxUrlLength", "0", "Partnerize:MaxUrlLength is 0; it must be at least 100 characters (default 8000).");
        yield return Case("ApplicationKey", "only-one-key", "Partnerize:ApiKey is not set but Partnerize:ApplicationKey is: the management API needs both.");
        yield return Case("ApiKey", "only-the-other", "Partnerize:ApplicationKey is not set but Partnerize:ApiKey is: the management API needs both.");
    }

    private static IEnumerable<TestCaseData> InvalidKeys()
    {
        yield return new TestCaseData("secret-app:x", "secret-api", "Partnerize:ApplicationKey contains ':' (value hidden)").SetArgDisplayNames("colon in application key");
        yield return new TestCaseData(" secret-app", "secret-api", "Partnerize:ApplicationKey starts or ends with white space (value hidden)").SetArgDisplayNames("space before application key");
        yield return new TestCaseData("secret-app", "secret-api\n", "Partnerize:ApiKey starts or ends with white space (value hidden)").SetArgDisplayNames("line break after API key");
        yield return new TestCaseData("secret-app", "secret\u0007api", "Partnerize:ApiKey contains a control character").SetArgDisplayNames("control character in API key");
        yield return new TestCaseData("secret-app", "   ", "Partnerize:ApiKey is only white space (value hidden)").SetArgDisplayNames("blank API key");
    }

    [TestCaseSource(nameof(InvalidSettings))]
    public void StartAsync_InvalidSetting_FailsNamingSettingAndFix(string setting, string value, string message)
    {
        var exception = Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new() { ["Partnerize:" + setting] = value }));

        Assert.That(exception!.Failures, Has.Some.StartsWith(message));
    }

    [TestCaseSource(nameof(InvalidKeys))]
    public void StartAsync_MalformedKey_FailsWithoutRepeatingTheKey(string applicationKey, string apiKey, string message)
    {
        var exception = Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new()
        {
            ["Partnerize:ApplicationKey"] = applicationKey,
            ["Partnerize:ApiKey"] = apiKey,
        }));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Failures, Has.Some.StartsWith(message));
            Assert.That(exception.Message, Does.Not.Contain("secret"));
        });
    }

    [Test]
    public void StartAsync_SeveralInvalidSettings_ReportsThemAllAtOnce()
    {
        var exception = Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new()
        {
            ["Partnerize:MaxConcurrency"] = "0",
            ["Partnerize:MaxUrlLength"] = "10",
            ["Partnerize:TrackingBaseAddress"] = "http://prf.hn/",
        }));

        Assert.That(exception!.Failures.Count(), Is.EqualTo(3));
    }

    [Test]
    public async Task StartAsync_NoKeysAtAll_StartsBecauseTrackingNeedsNone()
    {
        await StartAsync([]);
    }

    [Test]
    public async Task StartAsync_LoopbackHttpAddressesAndKeys_Starts()
    {
        await StartAsync(new()
        {
            ["Partnerize:ApplicationKey"] = "app",
            ["Partnerize:ApiKey"] = "api",
            ["Partnerize:ApiBaseAddress"] = "http://127.0.0.1:5080/",
            ["Partnerize:TrackingBaseAddress"] = "http://localhost:5081/",
            ["Partnerize:MaxRetryAttempts"] = "0",
        });
    }

    private static TestCaseData Case(string setting, string value, string message) =>
        new TestCaseData(setting, value, message).SetArgDisplayNames(setting, value);

    private static async Task StartAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddPartnerize(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        await host.StopAsync();
    }
}
