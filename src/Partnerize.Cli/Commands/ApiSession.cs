using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Partnerize.Client;
using Partnerize.Client.Campaigns;
using Partnerize.Client.Testing;

namespace Partnerize.Cli.Commands;

/// <summary>
/// A campaigns client for one command: real Partnerize (keys from options or environment), another API address,
/// or the in-process fake Partnerize under <c>--sandbox</c>.
/// </summary>
internal sealed class ApiSession : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly FakePartnerizeServer? _sandbox;

    private ApiSession(ServiceProvider provider, FakePartnerizeServer? sandbox, ICampaignsClient campaigns)
    {
        _provider = provider;
        _sandbox = sandbox;
        Campaigns = campaigns;
    }

    public ICampaignsClient Campaigns { get; }

    public static async Task<ApiSession> StartAsync(string? applicationKey, string? apiKey, Uri? apiUrl, bool sandbox, CliConsole console, CancellationToken cancellationToken)
    {
        FakePartnerizeServer? server = null;
        if (sandbox)
        {
            server = await SandboxPartnerize.StartAsync(cancellationToken).ConfigureAwait(false);
            (applicationKey, apiKey) = (SandboxPartnerize.ApplicationKey, SandboxPartnerize.ApiKey);
            apiUrl = server.BaseAddress;
            await console.Error.WriteLineAsync($"Sandbox: using a fake Partnerize at {server.BaseAddress} (nothing leaves this machine).").ConfigureAwait(false);
        }

        CommonOptions.RequireKeys(applicationKey, apiKey);
        var services = new ServiceCollection();
        services.AddPartnerize(options =>
        {
            options.ApplicationKey = applicationKey;
            options.ApiKey = apiKey;
            if (apiUrl is not null)
            {
                options.ApiBaseAddress = apiUrl;
            }
        });

        var provider = services.BuildServiceProvider();
        try
        {
            _ = provider.GetRequiredService<IOptions<PartnerizeOptions>>().Value;
            return new ApiSession(provider, server, provider.GetRequiredService<ICampaignsClient>());
        }
        catch (OptionsValidationException e)
        {
            await provider.DisposeAsync().ConfigureAwait(false);
            if (server is not null)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }

            throw new UsageException(string.Join(" ", e.Failures), e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync().ConfigureAwait(false);
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync().ConfigureAwait(false);
        }
    }
}
