using System.CommandLine;
using System.Text.Json;
using Partnerize.Client.Serialization;

namespace Partnerize.Cli.Commands;

/// <summary><c>partnerize connection test</c>: are the keys valid and does the campaign list load?</summary>
internal static class ConnectionCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new ApiCommandOptions();
        var test = options.CreateCommand("test", "Check that the User Application Key and User API Key are valid and that your campaigns load.");
        test.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var session = await options.StartSessionAsync(parseResult, console, cancellationToken).ConfigureAwait(false);
            var result = await session.Campaigns.TestConnectionAsync(cancellationToken).ConfigureAwait(false);
            if (options.Json(parseResult))
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
