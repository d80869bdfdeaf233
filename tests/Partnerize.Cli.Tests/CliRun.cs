using System.Text;

namespace Partnerize.Cli.Tests;

/// <summary>Runs the tool through its real entry point with captured standard output and error.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static string Examples => Path.Combine(TestContext.CurrentContext.TestDirectory, "examples");

    public static string OrdersCsv => Path.Combine(Examples, "orders.csv");

    public static string MappingJson => Path.Combine(Examples, "mapping.json");

    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var output = new StringWriter(new StringBuilder());
        var error = new StringWriter(new StringBuilder());
        var console = new CliConsole(output, error, name => environment is not null && environment.TryGetValue(name, out var value) ? value : null, IsErrorInteractive: false);
        var exitCode = await CliApplication.RunAsync(args, console, CancellationToken.None);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(null, args);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
