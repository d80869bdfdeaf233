using BenchmarkDotNet.Running;
using Partnerize.Client.Benchmarks.CommandLine;
using Partnerize.Client.Benchmarks.Load;
using Partnerize.Client.Benchmarks.Memory;
using Partnerize.Client.Benchmarks.Micro;

namespace Partnerize.Client.Benchmarks;

/// <summary>
/// The benchmarks' entry point. Modes: <c>micro</c> (BenchmarkDotNet; any further arguments go to it), <c>check</c>
/// (the library and the baselines produce identical URLs), <c>sink</c> (the HTTP sink of the load runs), <c>load</c>
/// (loopback load runs and the throughput chart), <c>memory</c> (a million rows streamed from a generated CSV).
/// </summary>
public static class Program
{
    /// <summary>Runs one mode.</summary>
    /// <param name="args">The mode, then its options.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var mode = args.Length == 0 ? "help" : args[0];
        var rest = args.Skip(1).ToArray();
        switch (mode)
        {
            case "micro":
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest);
                return 0;
            case "check":
                return SelfCheck.Run(Console.Out);
            case "sink":
                return await SinkServer.RunAsync(Options.Parse(rest)).ConfigureAwait(false);
            case "load":
                return await LoadCommand.RunAsync(Options.Parse(rest)).ConfigureAwait(false);
            case "memory":
                return await MemoryCommand.RunAsync(Options.Parse(rest)).ConfigureAwait(false);
            default:
                await Console.Error.WriteLineAsync("usage: Partnerize.Client.Benchmarks micro [BenchmarkDotNet options] | check | sink | load | memory").ConfigureAwait(false);
                return 2;
        }
    }
}
