namespace Partnerize.Cli;

/// <summary>The tool's exit codes, as documented in docs/cli.md.</summary>
internal static class ExitCodes
{
    /// <summary>Every row was sent (or, with --dry-run, would be).</summary>
    public const int Success = 0;

    /// <summary>Something unexpected happened; the message says what.</summary>
    public const int Unexpected = 1;

    /// <summary>Bad arguments, an unreadable file, a bad mapping or configuration.</summary>
    public const int Usage = 2;

    /// <summary>The run completed but some rows were rejected or failed (or the connection test failed).</summary>
    public const int Incomplete = 3;
}
