using System.Globalization;
using Spectre.Console;

namespace Partnerize.Cli.Output;

/// <summary>
/// Shows a long run's progress on standard error: a live Spectre.Console display on a terminal, plain lines every
/// few seconds when standard error is redirected, so logs stay readable.
/// </summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(CliConsole console, RunCounts counts, bool dryRun, Func<Task> run)
    {
        if (!console.IsErrorInteractive)
        {
            using var timer = new PeriodicTimer(PlainInterval);
            var work = run();
            while (!work.IsCompleted)
            {
                var tick = timer.WaitForNextTickAsync().AsTask();
                if (await Task.WhenAny(work, tick).ConfigureAwait(false) == tick)
                {
                    await console.Error.WriteLineAsync("… " + counts.Describe(dryRun)).ConfigureAwait(false);
                }
            }

            await work.ConfigureAwait(false);
            return;
        }

        var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Error) });
        await ansi.Progress()
            .AutoClear(true)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("starting", autoStart: true, maxValue: 1).IsIndeterminate();
                var work = run();
                while (!work.IsCompleted)
                {
                    task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                        $"{counts.Read:N0} rows: {counts.Sent:N0} {(dryRun ? "ok" : "sent")}, {counts.Rejected:N0} rejected, {counts.Failed:N0} failed"));
                    await Task.WhenAny(work, Task.Delay(200)).ConfigureAwait(false);
                }

                await work.ConfigureAwait(false);
            }).ConfigureAwait(false);
    }
}
