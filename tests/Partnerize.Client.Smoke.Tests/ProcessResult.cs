namespace Partnerize.Client.Smoke.Tests;

/// <summary>What a finished child process returned.</summary>
public sealed record ProcessResult(string Program, IReadOnlyList<string> Arguments, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>The command line and everything it printed, for assertion messages.</summary>
    public override string ToString() =>
        $"$ {Path.GetFileName(Program)} {string.Join(' ', Arguments)}{Environment.NewLine}exit code {ExitCode}{Environment.NewLine}" +
        $"--- standard output ---{Environment.NewLine}{StandardOutput}{Environment.NewLine}--- standard error ---{Environment.NewLine}{StandardError}";
}
