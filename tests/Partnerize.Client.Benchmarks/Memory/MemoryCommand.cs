using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using Partnerize.Client.Benchmarks.CommandLine;
using Partnerize.Client.Benchmarks.Load;
using Partnerize.Client.Benchmarks.Samples;
using Partnerize.Client.Conversions;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Benchmarks.Memory;

/// <summary>
/// The <c>memory</c> mode: generates a CSV of orders in a temporary folder, then streams it through field mapping
/// (CsvHelper's <see cref="CsvDataReader"/> into <c>ConversionMapping.Map(IDataReader)</c>), validation and either
/// <c>TrackManyAsync</c> to a sink on 127.0.0.1 or, with <c>--dry-run</c>, URL building only. Reports the peak working
/// set at each checkpoint; the CSV is deleted afterwards.
/// </summary>
public static class MemoryCommand
{
    /// <summary>Runs the memory run.</summary>
    /// <param name="options"><c>--rows</c>, <c>--checkpoint</c>, <c>--concurrency</c>, <c>--dry-run</c>, <c>--keep-csv</c>.</param>
    /// <returns>The exit code: 1 when a row was not sent (or, dry, not valid).</returns>
    public static async Task<int> RunAsync(Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rows = options.Int("rows", 1_000_000);
        var checkpoint = options.Int("checkpoint", 100_000);
        var concurrency = options.Int("concurrency", 32);
        var dryRun = options.Flag("dry-run");
        var keepCsv = options.Flag("keep-csv");
        options.ThrowOnUnknown();

        var folder = Directory.CreateTempSubdirectory("partnerize-benchmarks-");
        var path = Path.Combine(folder.FullName, "orders.csv");
        try
        {
            var clock = Stopwatch.StartNew();
            CsvOrders.Write(path, rows);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Generated {rows:N0} rows ({new FileInfo(path).Length / 1e6:F0} MB) in {clock.Elapsed.TotalSeconds:F1} s: {path}"));

            // What is measured starts here: the generator's own peak is forgotten where the OS allows it.
            Settle();
            var peakReset = TryResetPeakWorkingSet();
            Console.WriteLine($"Mode: {(dryRun ? "dry run (map, validate, build URLs)" : $"send to a sink on 127.0.0.1 at concurrency {concurrency}")}; " +
                $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC; peak working set {(peakReset ? "reset after generating the CSV" : "includes generating the CSV (could not reset it)")}.");
            Console.WriteLine();
            Console.WriteLine("| rows | peak working set | working set now | GC heap | elapsed | rows/s |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|");

            var mapping = SampleRows.Mapping();
            using var text = new StreamReader(path);
            using var csv = new CsvReader(text, CultureInfo.InvariantCulture);
            using var data = new CsvDataReader(csv);
            var drafts = mapping.Map(data);
            clock.Restart();
            long done = 0;
            long failed = 0;
            void Count(bool ok)
            {
                done++;
                if (!ok)
                {
                    failed++;
                }

                if (done % checkpoint == 0 || done == rows)
                {
                    Report(done, clock.Elapsed);
                }
            }

            if (dryRun)
            {
                var urls = new TrackingUrlBuilder(SampleOrders.TrackingBaseAddress, SampleOrders.CampaignId);
                foreach (var draft in drafts)
                {
                    var result = ConversionValidator.Default.Validate(draft);
                    Count(result.IsValid && urls.TryBuild(result.Conversion, out _, out _));
                }
            }
            else
            {
                await using var sink = await SinkProcess.StartAsync(0).ConfigureAwait(false);
                var services = new ServiceCollection();
                services.AddPartnerize(partnerize =>
                {
                    partnerize.TrackingBaseAddress = sink.BaseAddress;
                    partnerize.CampaignId = SampleOrders.CampaignId;
                });
                await using var provider = services.BuildServiceProvider();
                var tracker = provider.GetRequiredService<IConversionTracker>();
                await foreach (var result in tracker.TrackManyAsync(drafts, new TrackingBatchOptions { MaxConcurrency = concurrency }).ConfigureAwait(false))
                {
                    Count(result.IsSent);
                }
            }

            Console.WriteLine();
            Console.WriteLine($"{done:N0} rows, {failed:N0} not {(dryRun ? "valid" : "sent")}.");
            return failed == 0 && done == rows ? 0 : 1;
        }
        finally
        {
            if (!keepCsv)
            {
                folder.Delete(recursive: true);
            }
        }
    }

    private static void Report(long done, TimeSpan elapsed)
    {
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {done:N0} | {process.PeakWorkingSet64 / 1048576.0:F0} MB | {process.WorkingSet64 / 1048576.0:F0} MB | {GC.GetTotalMemory(false) / 1048576.0:F0} MB | {elapsed.TotalSeconds:F1} s | {done / elapsed.TotalSeconds:N0} |"));
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static bool TryResetPeakWorkingSet()
    {
        // Linux: writing 5 to /proc/self/clear_refs resets this process's peak resident set size (VmHWM).
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
