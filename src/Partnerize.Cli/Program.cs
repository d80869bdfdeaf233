using Partnerize.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops the run gracefully: rows already read still get their outcome and the summary prints.
    e.Cancel = true;
    cancellation.Cancel();
};

return await CliApplication.RunAsync(args, CliConsole.System, cancellation.Token);
