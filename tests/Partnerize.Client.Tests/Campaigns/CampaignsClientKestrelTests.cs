using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Partnerize.Client.Campaigns;

namespace Partnerize.Client.Tests.Campaigns;

/// <summary>The real wire: SocketsHttpHandler against Kestrel on 127.0.0.1, no test double in the HTTP stack.</summary>
public class CampaignsClientKestrelTests
{
    [Test]
    public async Task TestConnectionAsync_RealServer_ReceivesExactBasicHeaderAndFollowsRawNextPage()
    {
        var received = new ConcurrentQueue<(string Target, string? Authorization)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        await using var server = builder.Build();
        server.Use(async (HttpContext context, RequestDelegate next) =>
        {
            received.Enqueue((context.Request.Path + context.Request.QueryString, context.Request.Headers.Authorization.ToString()));
            await next(context);
        });
        server.MapGet("/user/account", () => Results.Text("""{"user_accounts": [{"advertiser": {}}]}""", "application/json"));
        server.MapGet("/campaign", (HttpContext context) => Results.Text(
            context.Request.Query.ContainsKey("offset")
                ? ApiHarness.PageJson(null, "10l177")
                : ApiHarness.PageJson("/campaign?offset=1&limit=1&filter=a%2Fb", "10l176"),
            "application/json"));
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        using var harness = ApiHarness.Create(settings => settings["Partnerize:ApiBaseAddress"] = address + "/", useMock: false);
        var result = await harness.Campaigns.TestConnectionAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(ConnectionTestStatus.Connected), result.Message);
            Assert.That(result.CampaignCount, Is.EqualTo(2));
            Assert.That(received.Select(r => r.Target), Is.EqualTo(new[] { "/user/account", "/campaign", "/campaign?offset=1&limit=1&filter=a%2Fb" }));
            Assert.That(received.Select(r => r.Authorization), Is.All.EqualTo("Basic " + ApiHarness.EncodedCredentials));
        });
    }
}
