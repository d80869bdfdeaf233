using System.CommandLine;
using System.Text.Json;
using Partnerize.Client.Serialization;

namespace Partnerize.Cli.Commands;

/// <summary><c>partnerize connection test</c>: are the keys valid and does the campaign list load?</summary>
internal static class ConnectionCommand
{
    public static Command Create(CliConsole console)
    {
        var applicationKey = CommonOptions.ApplicationKey();
        var apiKey = CommonOptions.ApiKey();
        var apiUrl = CommonOptions.ApiUrl();
        var sandbox = CommonOptions.Sandbox();
        var json = CommonOptions.Json();
        var test = new Command("test", "Check that the User Application Key and User API Key are valid and that your campaigns load.")
        {
            applicationKey, apiKey, apiUrl, sandbox, json,
        };

        test.SetAction(async (parseResult, cancellationToken) =>
        {
            var (application, api) = CommonOptions.ResolveKeys(parseResult, applicationKey, apiKey, console);
            await using var session = await ApiSession.StartAsync(application, api, parseResult.GetValue(apiUrl), parseResult.GetValue(sandbox), console, cancellationToken).ConfigureAwait(false);
            var result = await session.Campaigns.TestConnectionAsync(cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(result, PartnerizeJsonContext.Default.ConnectionTestResult)).ConfigureAwait(false);
            }
            else
            {
                await (result.Succeeded ? console.Out : console.Error).WriteLineAsync(result.Message).ConfigureAwait(false);
            }

            return result.Succeeded ? ExitCodes.Success : ExitCodes.Incomplete;
        });

        return new Command("connection", "Check your connection to Partnerize.") { test };
    }
}
