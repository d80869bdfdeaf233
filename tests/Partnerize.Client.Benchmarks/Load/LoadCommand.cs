using System.Globalization;
using System.Runtime;
using System.Text;
using Partnerize.Client.Benchmarks.Charts;
using Partnerize.Client.Benchmarks.CommandLine;
using Partnerize.Client.Conversions;

namespace Partnerize.Client.Benchmarks.Load;

/// <summary>
/// The <c>load</c> mode: the library against a plain <see cref="HttpClient"/> loop, in this one process, alternating
/// run by run, against sinks on 127.0.0.1 in a separate process. Sections: <c>ratio</c> (instant answers, one
/// concurrency), <c>sweep</c> (instant answers, several concurrencies, and the chart), <c>delay</c> (answers after a
/// delay). Every run sends a fixed number of rows and ends by itself.
/// </summary>
public static class LoadCommand
{
    /// <summary>Runs the selected sections and prints Markdown tables.</summary>
    /// <param name="options">See docs/benchmarks.md for each option.</param>
    /// <returns>The exit code: 1 when a run did not get 2xx for every row.</returns>
    public static async Task<int> RunAsync(Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rows = options.Int("rows", 50_000);
        var rounds = options.Int("rounds", 3);
        var warmupRows = options.Int("warmup-rows", rows);
        var concurrency = options.Int("concurrency", 32);
        var delayMilliseconds = options.Int("delay-ms", 20);
        var delayConcurrency = options.Int("delay-concurrency", 64);
        var delayRounds = options.Int("delay-rounds", 2);
        var sweep = options.Ints("sweep", [1, 4, 16, 64, 256]);
        var sweepRows = options.Int("sweep-rows", 20_000);
        var sweepRounds = options.Int("sweep-rounds", 1);
        var sections = options.Text("sections", "ratio,sweep,delay")!.Split(',', StringSplitOptions.TrimEntries);
        var chart = options.Text("chart", null);
        var report = options.Text("out", null);
        options.ThrowOnUnknown();

        var output = new StringBuilder();
        void Print(string line)
        {
            Console.WriteLine(line);
            output.AppendLine(line);
        }

        Print($"Load run: {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}, " +
            $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, {rows:N0} rows per run, {rounds} rounds, library and plain loop alternating.");
        var drafts = LoadWorkload.Drafts(Math.Max(rows, sweepRows));
        var all = new List<RunResult>();

        if (sections.Contains("ratio") || sections.Contains("sweep"))
        {
            await using var sink = await SinkProcess.StartAsync(0).ConfigureAwait(false);
            await using var library = new LibrarySender(sink.BaseAddress);
            using var plain = new PlainSender();
            var urls = LoadWorkload.Urls(drafts, sink.BaseAddress);
            await WarmUpAsync(library, plain, drafts, urls, warmupRows, concurrency, 0).ConfigureAwait(false);

            if (sections.Contains("ratio"))
            {
                var runs = await AlternateAsync(library, plain, Take(drafts, rows), Take(urls, rows), concurrency, 0, rounds).ConfigureAwait(false);
                all.AddRange(runs);
                Print(string.Empty);
                Print($"### Sink answering at once, concurrency {concurrency}, {rows:N0} rows per run");
                Print(string.Empty);
                PrintRuns(Print, runs);
                PrintSummary(Print, runs);
            }

            if (sections.Contains("sweep"))
            {
                var points = new List<(int Concurrency, double Library, double Plain)>();
                var sweepRuns = new List<RunResult>();
                foreach (var level in sweep)
                {
                    // Each level opens its own number of connections: open them before timing.
                    await WarmUpAsync(library, plain, drafts, urls, Math.Min(sweepRows / 4, 5_000), level, 0).ConfigureAwait(false);
                    var runs = await AlternateAsync(library, plain, Take(drafts, sweepRows), Take(urls, sweepRows), level, 0, sweepRounds).ConfigureAwait(false);
                    sweepRuns.AddRange(runs);
                    points.Add((level, Median(runs, RunResult.LibrarySide), Median(runs, RunResult.PlainSide)));
                }

                all.AddRange(sweepRuns);
                Print(string.Empty);
                Print($"### Throughput against concurrency, sink answering at once, {sweepRows:N0} rows per run");
                Print(string.Empty);
                PrintSummary(Print, sweepRuns);
                foreach (var path in chart?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [])
                {
                    ThroughputChart.Save(path, points, $"Loopback throughput, sink answering at once ({Environment.ProcessorCount} CPUs shared with the sink)");
                    Print(string.Empty);
                    Print($"Chart written to {path}.");
                }
            }
        }

        if (sections.Contains("delay"))
        {
            await using var sink = await SinkProcess.StartAsync(delayMilliseconds).ConfigureAwait(false);
            await using var library = new LibrarySender(sink.BaseAddress);
            using var plain = new PlainSender();
            var urls = LoadWorkload.Urls(drafts, sink.BaseAddress);
            await WarmUpAsync(library, plain, drafts, urls, Math.Min(warmupRows, delayConcurrency * 20), delayConcurrency, delayMilliseconds).ConfigureAwait(false);
            var runs = await AlternateAsync(library, plain, Take(drafts, rows), Take(urls, rows), delayConcurrency, delayMilliseconds, delayRounds).ConfigureAwait(false);
            all.AddRange(runs);
            var ceiling = delayConcurrency / (delayMilliseconds / 1000.0);
            Print(string.Empty);
            Print($"### Sink answering after {delayMilliseconds} ms, concurrency {delayConcurrency}, {rows:N0} rows per run (ceiling {ceiling:N0} rows/s)");
            Print(string.Empty);
            PrintRuns(Print, runs);
            PrintSummary(Print, runs);
            Print(string.Empty);
            Print($"Library median: {Median(runs, RunResult.LibrarySide) / ceiling:P1} of the {ceiling:N0} rows/s ceiling.");
        }

        if (report is not null)
        {
            await File.WriteAllTextAsync(report, output.ToString()).ConfigureAwait(false);
        }

        var incomplete = all.Where(run => run.Sent != run.Rows).ToArray();
        foreach (var run in incomplete)
        {
            await Console.Error.WriteLineAsync($"{run.Side} at concurrency {run.Concurrency}: only {run.Sent:N0} of {run.Rows:N0} rows got 2xx.").ConfigureAwait(false);
        }

        return incomplete.Length == 0 ? 0 : 1;
    }

    private static async Task WarmUpAsync(LibrarySender library, PlainSender plain, IReadOnlyList<ConversionDraft> drafts, IReadOnlyList<string> urls, int rows, int concurrency, int delayMilliseconds)
    {
        // Opens the connections and lets the JIT reach its final code before anything is timed.
        await library.RunAsync(Take(drafts, rows), concurrency, delayMilliseconds).ConfigureAwait(false);
        await plain.RunAsync(Take(urls, rows), concurrency, delayMilliseconds).ConfigureAwait(false);
    }

    private static async Task<List<RunResult>> AlternateAsync(
        LibrarySender library, PlainSender plain, IReadOnlyList<ConversionDraft> drafts, IReadOnlyList<string> urls, int concurrency, int delayMilliseconds, int rounds)
    {
        var runs = new List<RunResult>();
        for (var round = 0; round < rounds; round++)
        {
            // Who goes first alternates too, so that neither side always runs on a machine the other has just warmed.
            for (var turn = 0; turn < 2; turn++)
            {
                Settle();
                runs.Add((turn + round) % 2 == 0
                    ? await library.RunAsync(drafts, concurrency, delayMilliseconds).ConfigureAwait(false)
                    : await plain.RunAsync(urls, concurrency, delayMilliseconds).ConfigureAwait(false));
                var last = runs[^1];
                Console.Error.WriteLine($"  {last.Side,-16} c={concurrency,-4} delay={delayMilliseconds}ms {last.RowsPerSecond,10:N0} rows/s");
            }
        }

        return runs;
    }

    private static void Settle()
    {
        // Each run starts from the same heap state, whichever side ran before it.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static IReadOnlyList<T> Take<T>(IReadOnlyList<T> items, int count) =>
        count >= items.Count ? items : items.Take(count).ToArray();

    private static double Median(IEnumerable<RunResult> runs, string side) =>
        Median(runs.Where(run => run.Side == side).Select(run => run.RowsPerSecond));

    /// <summary>
    /// The median over the rounds of the library's rows per second divided by the plain loop's in the same round. The
    /// two runs of a round are back to back, so a machine that speeds up or slows down during a section (another tenant of
    /// the host, say) moves both sides of a round alike, where it can move the two sides' separate medians apart.
    /// </summary>
    private static double PairedRatio(IEnumerable<RunResult> runs) =>
        Median(runs.Chunk(2)
            .Where(round => round.Length == 2)
            .Select(round => round.Single(run => run.Side == RunResult.LibrarySide).RowsPerSecond
                / round.Single(run => run.Side == RunResult.PlainSide).RowsPerSecond));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static void PrintRuns(Action<string> print, IReadOnlyList<RunResult> runs)
    {
        print("| run | side | rows/s | elapsed | client CPU per row | 2xx |");
        print("|---:|---|---:|---:|---:|---:|");
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            print(string.Create(CultureInfo.InvariantCulture,
                $"| {i + 1} | {run.Side} | {run.RowsPerSecond:N0} | {run.Elapsed.TotalSeconds:F2} s | {run.CpuMicrosecondsPerRow:F0} µs | {run.Sent:N0} |"));
        }

        print(string.Empty);
    }

    private static void PrintSummary(Action<string> print, IReadOnlyList<RunResult> runs)
    {
        print("| concurrency | library rows/s (median) | plain rows/s (median) | library / plain | library / plain, round by round (median) | library CPU/row | plain CPU/row |");
        print("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in runs.GroupBy(run => run.Concurrency).OrderBy(group => group.Key))
        {
            var library = Median(group, RunResult.LibrarySide);
            var plain = Median(group, RunResult.PlainSide);
            var libraryCpu = group.Where(run => run.Side == RunResult.LibrarySide).Average(run => run.CpuMicrosecondsPerRow);
            var plainCpu = group.Where(run => run.Side == RunResult.PlainSide).Average(run => run.CpuMicrosecondsPerRow);
            print(string.Create(CultureInfo.InvariantCulture,
                $"| {group.Key} | {library:N0} | {plain:N0} | {library / plain:F2} | {PairedRatio(group):F2} | {libraryCpu:F0} µs | {plainCpu:F0} µs |"));
        }
    }
}
