namespace Partnerize.Cli;

/// <summary>
/// What the tool reads from and writes to, so tests can drive the real entry point with captured streams.
/// </summary>
/// <param name="Out">Standard output: results and summaries.</param>
/// <param name="Error">Standard error: progress and error messages.</param>
/// <param name="GetEnvironmentVariable">Reads an environment variable (keys may come from there).</param>
/// <param name="IsErrorInteractive">Whether standard error is a terminal, where a live progress bar can be drawn.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, Func<string, string?> GetEnvironmentVariable, bool IsErrorInteractive)
{
    /// <summary>The process's own console.</summary>
    public static CliConsole System { get; } = new(
        Console.Out,
        Console.Error,
        Environment.GetEnvironmentVariable,
        !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null);
}
