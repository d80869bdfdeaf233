using Partnerize.Client.Mapping;

namespace Partnerize.Cli.Input;

/// <summary>
/// Checks a file's columns (its header, or the first JSON object's names) against a mapping before any row is read
/// or sent. Which columns are required is the mapping's own knowledge (<see cref="ConversionMapping.RequiredColumns"/>).
/// </summary>
internal static class ColumnCheck
{
    /// <summary>
    /// Throws a <see cref="UsageException"/> when a required column is missing (or any mapped column, under
    /// --strict-columns); otherwise warns on <paramref name="warnings"/> about each missing optional column.
    /// </summary>
    public static async Task RunAsync(ConversionMapping mapping, InputFile file, InputOptions options, TextWriter warnings)
    {
        if (file.Columns is not { } columns)
        {
            return;
        }

        var missing = mapping.GetMissingColumns(columns);
        var required = missing.Where(c => mapping.RequiredColumns.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        var optional = missing.Except(required, StringComparer.OrdinalIgnoreCase).ToList();
        if (required.Count > 0)
        {
            throw new UsageException($"{file.Name} has no {Name(mapping, required)}, which every row needs. {Has(file, columns)}{Hint(file, columns)}");
        }

        if (optional.Count > 0 && options.StrictColumns)
        {
            throw new UsageException($"{file.Name} has no {Name(mapping, optional)}, and --strict-columns refuses a mapped column the file lacks. {Has(file, columns)}{Hint(file, columns)}");
        }

        foreach (var column in optional)
        {
            var fields = string.Join(", ", Fields(mapping, column));
            await warnings.WriteLineAsync($"warning: {file.Name} has no column '{column}', so {fields} will not be sent (--strict-columns makes this an error).").ConfigureAwait(false);
        }
    }

    /// <summary><c>column 'order_id' (conversionRef)</c>, or <c>columns 'a' (x) and 'b' (y)</c>.</summary>
    private static string Name(ConversionMapping mapping, List<string> columns)
    {
        var named = columns.Select(c => $"'{c}' ({string.Join(", ", Fields(mapping, c))})").ToList();
        return named.Count == 1
            ? "column " + named[0]
            : "columns " + string.Join(", ", named.Take(named.Count - 1)) + " and " + named[^1];
    }

    /// <summary>The fields a column feeds, as the mapping names them (<c>item.value</c>, <c>custom.check_in_date</c>).</summary>
    private static IEnumerable<string> Fields(ConversionMapping mapping, string column) =>
        mapping.SourceColumns.Where(s => string.Equals(s.Value, column, StringComparison.OrdinalIgnoreCase)).Select(s => s.Key);

    private static string Has(InputFile file, IReadOnlyList<string> columns) =>
        (file.IsCsv ? "Its header has the columns: " : "Its first object has the names: ")
        + string.Join(", ", columns.Select(c => $"'{c}'")) + ".";

    /// <summary>A hint when the header names hold another delimiter: the file was split on the wrong one.</summary>
    private static string Hint(InputFile file, IReadOnlyList<string> columns)
    {
        if (file.Delimiter is not { } used)
        {
            return string.Empty;
        }

        var other = InputOptions.Delimiters
            .Where(d => d != used)
            .Select(d => (Delimiter: d, Count: columns.Sum(c => c.Count(ch => ch == d))))
            .Where(d => d.Count > 0)
            .OrderByDescending(d => d.Count)
            .Select(d => (char?)d.Delimiter)
            .FirstOrDefault();
        return other is { } likely
            ? $" The header looks separated by {InputOptions.Describe(likely)}, not {InputOptions.Describe(used)}: give --delimiter {InputOptions.AsOption(likely)}."
            : string.Empty;
    }
}
