using System.CommandLine;
using Partnerize.Cli.Commands;

namespace Partnerize.Cli;

/// <summary>The <c>partnerize</c> command tree and its entry point.</summary>
internal static class CliApplication
{
    /// <summary>Runs the tool with the given arguments and console; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        var root = new RootCommand("Send conversions to Partnerize server-to-server, test your keys and list your campaigns.")
        {
            ConnectionCommand.Create(console),
            CampaignsCommand.Create(console),
            SendCommand.Create(console),
        };

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await console.Error.WriteLineAsync("error: " + error.Message).ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync("Run 'partnerize --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        try
        {
            return await parseResult.InvokeAsync(
                new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false },
                cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            await console.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync("Cancelled.").ConfigureAwait(false);
            return ExitCodes.Incomplete;
        }
#pragma warning disable CA1031 // The tool's last line of defence: report anything unexpected as exit code 1, never a stack dump.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await console.Error.WriteLineAsync($"unexpected error: {e.GetType().Name}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Unexpected;
        }
    }
}
