using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Partnerize.Client.Campaigns;
using Partnerize.Client.Conversions;
using RichardSzalay.MockHttp;

namespace Partnerize.Client.Tests.DependencyInjection;

public class AddPartnerizeTests
{
    [Test]
    public void AddPartnerize_CalledTwice_AddsNoFurtherRegistration()
    {
        var once = new ServiceCollection();
        once.AddPartnerize();
        var twice = new ServiceCollection();
        twice.AddPartnerize();
        var builder = twice.AddPartnerize();

        Assert.Multiple(() =>
        {
            Assert.That(twice.Select(Describe), Is.EqualTo(once.Select(Describe)));
            Assert.That(builder.ApiHttpClient.Name, Is.EqualTo(PartnerizeHttpClientNames.Api));
            Assert.That(builder.TrackingHttpClient.Name, Is.EqualTo(PartnerizeHttpClientNames.Tracking));
            Assert.That(builder.Services, Is.SameAs(twice));
        });
    }

    [Test]
    public void AddPartnerize_CalledTwice_SendsOneAuthorizationAndRetriesOnce()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Partnerize:ApplicationKey"] = "app",
            ["Partnerize:ApiKey"] = "api",
            ["Partnerize:MaxRetryAttempts"] = "1",
            ["Partnerize:RetryBaseDelay"] = "00:00:00.001",
            ["Partnerize:MaxRetryDelay"] = "00:00:00.001",
        }).Build();
        using var mock = new MockHttpMessageHandler();
        mock.Fallback.Respond(request => throw new AssertionException($"Unexpected request: {request.RequestUri}"));
        var authorizations = new List<string[]>();
        var failing = mock.When(HttpMethod.Get, "https://api.partnerize.com/campaign").Respond(request =>
        {
            authorizations.Add(request.Headers.GetValues("Authorization").ToArray());
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        });
        var services = new ServiceCollection();
        services.AddPartnerize(configuration);
        services.AddPartnerize(configuration).ApiHttpClient.ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();

        Assert.ThrowsAsync<PartnerizeApiException>(() => provider.GetRequiredService<ICampaignsClient>().ListCampaignsAsync());

        Assert.Multiple(() =>
        {
            Assert.That(mock.GetMatchCount(failing), Is.EqualTo(2), "one retry pipeline, not two nested ones");
            Assert.That(authorizations, Has.All.Length.EqualTo(1));
        });
    }

    [Test]
    public void GetService_NoKeys_ApiAndCampaignsClientFailNamingBothSettings()
    {
        var services = new ServiceCollection();
        services.AddPartnerize();
        using var provider = services.BuildServiceProvider();

        var campaigns = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ICampaignsClient>());
        var api = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IPartnerizeApi>());

        Assert.Multiple(() =>
        {
            foreach (var exception in new[] { campaigns!, api! })
            {
                Assert.That(exception.Failures, Is.EqualTo(new[]
                {
                    "Partnerize:ApplicationKey is not set. The management API (campaigns, connection test) needs it: set it to your User Application Key. Partnerize shows both keys under Settings > Account Settings > API.",
                    "Partnerize:ApiKey is not set. The management API (campaigns, connection test) needs it: set it to your User API Key. Partnerize shows both keys under Settings > Account Settings > API.",
                }));
            }

            // Tracking needs no keys: what it uses still resolves.
            Assert.That(provider.GetRequiredService<IConversionValidator>(), Is.Not.Null);
            Assert.That(provider.GetRequiredService<IHttpClientFactory>().CreateClient(PartnerizeHttpClientNames.Tracking), Is.Not.Null);
        });
    }

    [Test]
    public void GetService_KeysSet_ResolvesApiPerRequestAndOneCampaignsClient()
    {
        var services = new ServiceCollection();
        services.AddPartnerize(o =>
        {
            o.ApplicationKey = "app";
            o.ApiKey = "api";
        });
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var firstClient = provider.GetRequiredService<ICampaignsClient>();
        var secondClient = provider.GetRequiredService<ICampaignsClient>();
        var firstApi = provider.GetRequiredService<IPartnerizeApi>();
        var secondApi = provider.GetRequiredService<IPartnerizeApi>();

        Assert.Multiple(() =>
        {
            Assert.That(secondClient, Is.SameAs(firstClient));
            Assert.That(secondApi, Is.Not.SameAs(firstApi));
        });
    }

    [Test]
    public void AddPartnerize_UserRegisteredCampaignsClientFirst_KeepsTheirs()
    {
        var services = new ServiceCollection();
        var theirs = new StubCampaignsClient();
        services.AddSingleton<ICampaignsClient>(theirs);
        services.AddPartnerize();
        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetRequiredService<ICampaignsClient>(), Is.SameAs(theirs));
    }

    private static string Describe(ServiceDescriptor descriptor) =>
        $"{descriptor.ServiceType} {descriptor.Lifetime} {descriptor.ImplementationType}{descriptor.ImplementationInstance?.GetType()}{(descriptor.ImplementationFactory is null ? "" : " factory")}";

    private sealed class StubCampaignsClient : ICampaignsClient
    {
        public Task<IReadOnlyList<Campaign>> ListCampaignsAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<Campaign>>([]);

        public Task<Campaign> GetCampaignAsync(string campaignId, CancellationToken cancellationToken = default) => Task.FromResult(new Campaign { CampaignId = campaignId });

        public Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(new ConnectionTestResult { Status = ConnectionTestStatus.Connected, Message = "stub" });
    }
}
