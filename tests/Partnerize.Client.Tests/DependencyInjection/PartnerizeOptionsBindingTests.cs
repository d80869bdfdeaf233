using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Partnerize.Client.Tests.DependencyInjection;

public class PartnerizeOptionsBindingTests
{
    private static readonly Dictionary<string, string?> EverySetting = new()
    {
        ["Partnerize:ApplicationKey"] = "app-key",
        ["Partnerize:ApiKey"] = "api-key",
        ["Partnerize:ApiBaseAddress"] = "https://api.example.test/v3/",
        ["Partnerize:TrackingBaseAddress"] = "https://brand.prf.hn/",
        ["Partnerize:CampaignId"] = "10l176",
        ["Partnerize:ApiTimeout"] = "00:00:12",
        ["Partnerize:TrackingTimeout"] = "00:00:07.500",
        ["Partnerize:MaxConcurrency"] = "4",
        ["Partnerize:MaxRetryAttempts"] = "5",
        ["Partnerize:RetryBaseDelay"] = "00:00:00.250",
        ["Partnerize:MaxRetryDelay"] = "00:01:00",
        ["Partnerize:MaxUrlLength"] = "4000",
    };

    [Test]
    public void AddPartnerize_InMemoryConfiguration_BindsEverySetting()
    {
        var options = Bind(services => services.AddPartnerize(new ConfigurationBuilder().AddInMemoryCollection(EverySetting).Build()));

        AssertEverySetting(options);
    }

    [Test]
    public void AddPartnerize_CustomSectionName_BindsThatSection()
    {
        var renamed = EverySetting.ToDictionary(pair => pair.Key.Replace("Partnerize:", "Affiliates:Partnerize:", StringComparison.Ordinal), pair => pair.Value);

        var options = Bind(services => services.AddPartnerize(new ConfigurationBuilder().AddInMemoryCollection(renamed).Build(), "Affiliates:Partnerize"));

        AssertEverySetting(options);
    }

    [Test]
    public void AddPartnerize_Delegate_SetsOptions()
    {
        var options = Bind(services => services.AddPartnerize(o =>
        {
            o.CampaignId = "10l176";
            o.MaxConcurrency = 2;
        }));

        Assert.Multiple(() =>
        {
            Assert.That(options.CampaignId, Is.EqualTo("10l176"));
            Assert.That(options.MaxConcurrency, Is.EqualTo(2));
            Assert.That(options.ApiBaseAddress, Is.EqualTo(PartnerizeOptions.DefaultApiBaseAddress));
        });
    }

    [Test]
    public void AddPartnerize_EmptyConfiguration_KeepsDocumentedDefaults()
    {
        var options = Bind(services => services.AddPartnerize(new ConfigurationBuilder().Build()));

        Assert.Multiple(() =>
        {
            Assert.That(options.ApplicationKey, Is.Null);
            Assert.That(options.ApiKey, Is.Null);
            Assert.That(options.ApiBaseAddress, Is.EqualTo(new Uri("https://api.partnerize.com/")));
            Assert.That(options.TrackingBaseAddress, Is.EqualTo(new Uri("https://prf.hn/")));
            Assert.That(options.CampaignId, Is.Null);
            Assert.That(options.ApiTimeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(options.TrackingTimeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(options.MaxConcurrency, Is.EqualTo(16));
            Assert.That(options.MaxRetryAttempts, Is.EqualTo(3));
            Assert.That(options.RetryBaseDelay, Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(options.MaxRetryDelay, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(options.MaxUrlLength, Is.EqualTo(8000));
        });
    }

    [Test]
    public void ToString_KeysSet_ShowsOnlyThatTheyAreSet()
    {
        var options = new PartnerizeOptions { ApplicationKey = "app-canary-51ad", ApiKey = "canary-secret-9f3b", CampaignId = "10l176" };

        Assert.That(options.ToString(), Does.Contain("ApplicationKey = (set), ApiKey = (set)").And.Contain("10l176")
            .And.Not.Contain("canary"));
    }

    private static PartnerizeOptions Bind(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<PartnerizeOptions>>().Value;
    }

    private static void AssertEverySetting(PartnerizeOptions options) =>
        Assert.Multiple(() =>
        {
            Assert.That(options.ApplicationKey, Is.EqualTo("app-key"));
            Assert.That(options.ApiKey, Is.EqualTo("api-key"));
            Assert.That(options.ApiBaseAddress, Is.EqualTo(new Uri("https://api.example.test/v3/")));
            Assert.That(options.TrackingBaseAddress, Is.EqualTo(new Uri("https://brand.prf.hn/")));
            Assert.That(options.CampaignId, Is.EqualTo("10l176"));
            Assert.That(options.ApiTimeout, Is.EqualTo(TimeSpan.FromSeconds(12)));
            Assert.That(options.TrackingTimeout, Is.EqualTo(TimeSpan.FromMilliseconds(7500)));
            Assert.That(options.MaxConcurrency, Is.EqualTo(4));
            Assert.That(options.MaxRetryAttempts, Is.EqualTo(5));
            Assert.That(options.RetryBaseDelay, Is.EqualTo(TimeSpan.FromMilliseconds(250)));
            Assert.That(options.MaxRetryDelay, Is.EqualTo(TimeSpan.FromMinutes(1)));
            Assert.That(options.MaxUrlLength, Is.EqualTo(4000));
        });
}
