using Partnerize.Client.Testing;

namespace Partnerize.Cli.Commands;

/// <summary>
/// The fake Partnerize behind <c>--sandbox</c>: the Testing package's server on 127.0.0.1 with a few demo campaigns,
/// so a newcomer sees the whole pipeline run over real HTTP without an account.
/// </summary>
internal static class SandboxPartnerize
{
    public const string ApplicationKey = "sandbox-application-key";
    public const string ApiKey = "sandbox-api-key";

    public static Task<FakePartnerizeServer> StartAsync(CancellationToken cancellationToken)
    {
        var fake = new FakePartnerize { ApplicationKey = ApplicationKey, ApiKey = ApiKey }
            .AddCampaign(new FakeCampaign("10l176", "Travel store (UK)") { DefaultCurrency = "GBP", TestMode = "n", UniqueConversionRefs = "y" })
            .AddCampaign(new FakeCampaign("10l177", "Travel store (DE)") { DefaultCurrency = "EUR", TestMode = "n", UniqueConversionRefs = "y" })
            .AddCampaign(new FakeCampaign("10l178", "Travel store staging") { DefaultCurrency = "GBP", Status = "p", TestMode = "y", UniqueConversionRefs = "n" });
        return FakePartnerizeServer.StartAsync(fake, cancellationToken);
    }
}
