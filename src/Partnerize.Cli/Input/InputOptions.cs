using System.Text;

namespace Partnerize.Cli.Input;

/// <summary>How to read an input file, as the user said on the command line (shared by every command that reads one).</summary>
internal sealed record InputOptions
{
    /// <summary>UTF-8, the delimiter detected from the header, decimal points, missing optional columns a warning.</summary>
    public static InputOptions Default { get; } = new();

    /// <summary>The CSV delimiter given with --delimiter; <see langword="null"/> to detect it from the header line.</summary>
    public char? Delimiter { get; init; }

    /// <summary>The encoding given with --encoding; <see langword="null"/> for UTF-8. A byte order mark always wins.</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>--decimal-comma: the number columns of a CSV file write decimals with a comma (<c>12,50</c>).</summary>
    public bool DecimalComma { get; init; }

    /// <summary>--strict-columns: a mapped optional column missing from the file is an error, not a warning.</summary>
    public bool StrictColumns { get; init; }

    /// <summary>The delimiters detected and accepted: comma, semicolon, tab and pipe.</summary>
    public static IReadOnlyList<char> Delimiters { get; } = [',', ';', '\t', '|'];

    /// <summary>A delimiter as people name it in messages: <c>','</c>, <c>';'</c>, <c>tab</c>, <c>'|'</c>.</summary>
    public static string Describe(char delimiter) => delimiter == '\t' ? "tab" : $"'{delimiter}'";

    /// <summary>A delimiter as it is given to --delimiter: <c>,</c> <c>;</c> <c>tab</c> <c>|</c>.</summary>
    public static string AsOption(char delimiter) => delimiter switch
    {
        '\t' => "tab",
        ';' => "';'",
        '|' => "'|'",
        _ => delimiter.ToString(),
    };
}
