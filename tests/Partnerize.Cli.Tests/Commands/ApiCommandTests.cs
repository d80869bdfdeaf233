using System.Text.Json;
using Partnerize.Client.Testing;

namespace Partnerize.Cli.Tests.Commands;

public class ApiCommandTests
{
    private const string Canary = "canary-secret-9f3b";

    private FakePartnerizeServer _server = null!;

    [SetUp]
    public async Task StartFakePartnerize()
    {
        var fake = new FakePartnerize { ApplicationKey = "app-key-1", ApiKey = Canary }
            .AddCampaign(new FakeCampaign("10l176", "Shoes UK") { DefaultCurrency = "GBP" })
            .AddCampaign(new FakeCampaign("10l177", "Shoes DE") { DefaultCurrency = "EUR", Status = "p" });
        _server = await FakePartnerizeServer.StartAsync(fake);
    }

    [TearDown]
    public async Task StopFakePartnerize() => await _server.DisposeAsync();

    private Dictionary<string, string> KeysInEnvironment(string apiKey = Canary) => new()
    {
        ["PARTNERIZE_APPLICATION_KEY"] = "app-key-1",
        ["PARTNERIZE_API_KEY"] = apiKey,
    };

    [Test]
    public async Task ConnectionTest_ValidKeysFromEnvironment_ExitsZeroAndCountsCampaigns()
    {
        var run = await CliRun.RunAsync(KeysInEnvironment(), "connection", "test", "--api-url", _server.BaseAddress.ToString());

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Out, Does.Contain("the keys are valid and 2 campaigns are available"));
            Assert.That(run.Out + run.Error, Does.Not.Contain(Canary));
        });
    }

    [Test]
    public async Task ConnectionTest_WrongKeys_ExitsThreeWithTheBriefsGuidanceAndNoKey()
    {
        var run = await CliRun.RunAsync(KeysInEnvironment(apiKey: Canary + "-wrong"), "connection", "test", "--api-url", _server.BaseAddress.ToString());

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(3), run.ToString());
            Assert.That(run.Error, Does.Contain("User Application Key").And.Contain("User API Key"));
            Assert.That(run.Out + run.Error, Does.Not.Contain(Canary));
        });
    }

    [Test]
    public async Task ConnectionTest_Json_WritesTheResultForMachines()
    {
        var run = await CliRun.RunAsync(KeysInEnvironment(), "connection", "test", "--api-url", _server.BaseAddress.ToString(), "--json");
        var result = JsonDocument.Parse(run.Out).RootElement;

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(result.GetProperty("campaign_count").GetInt32(), Is.EqualTo(2));
            Assert.That(run.Out, Does.Not.Contain(Canary));
        });
    }

    [Test]
    public async Task ConnectionTest_NoKeys_ExitsTwoNamingTheOptionAndVariable()
    {
        var run = await CliRun.RunAsync("connection", "test", "--api-url", _server.BaseAddress.ToString());

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Does.Contain("--application-key").And.Contain("PARTNERIZE_APPLICATION_KEY"));
        });
    }

    [Test]
    public async Task CampaignsList_KeysAsOptions_PrintsATableWithoutTheKey()
    {
        var run = await CliRun.RunAsync("campaigns", "list", "--application-key", "app-key-1", "--api-key", Canary, "--api-url", _server.BaseAddress.ToString());

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Out, Does.Contain("10l176").And.Contain("Shoes UK").And.Contain("approved"));
            Assert.That(run.Out, Does.Contain("10l177").And.Contain("pending"));
            Assert.That(run.Out, Does.Contain("2 campaigns."));
            Assert.That(run.Out + run.Error, Does.Not.Contain(Canary));
        });
    }

    [Test]
    public async Task CampaignsList_Json_WritesAnArrayOfCampaigns()
    {
        var run = await CliRun.RunAsync(KeysInEnvironment(), "campaigns", "list", "--api-url", _server.BaseAddress.ToString(), "--json");
        var campaigns = JsonDocument.Parse(run.Out).RootElement;

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(campaigns.EnumerateArray().Select(c => c.GetProperty("campaign_id").GetString()), Is.EqualTo(new[] { "10l176", "10l177" }));
        });
    }

    [Test]
    public async Task CampaignsList_WrongKeys_ExitsThreeWithoutTheKey()
    {
        var run = await CliRun.RunAsync(KeysInEnvironment(apiKey: Canary + "-wrong"), "campaigns", "list", "--api-url", _server.BaseAddress.ToString());

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(3), run.ToString());
            Assert.That(run.Error, Does.Contain("401"));
            Assert.That(run.Out + run.Error, Does.Not.Contain(Canary));
        });
    }

    [Test]
    public async Task CampaignsList_Sandbox_NeedsNoKeys()
    {
        var run = await CliRun.RunAsync("campaigns", "list", "--sandbox");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Out, Does.Contain("10l176"));
        });
    }
}
