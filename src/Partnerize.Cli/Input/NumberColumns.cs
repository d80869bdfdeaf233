using System.Text.RegularExpressions;
using Partnerize.Client.Mapping;

namespace Partnerize.Cli.Input;

/// <summary>
/// Numbers as spreadsheets export them, in the number columns of a CSV file (the single item's value and quantity).
/// With --decimal-comma, <c>12,50</c> is read as <c>12.50</c>; without it, a comma in a number is never guessed to be a
/// decimal sign: the row is rejected naming the value and the option. A thousands separator (<c>1.234,50</c>,
/// <c>1 234,50</c>, <c>1,234.50</c>) rejects its row naming the value either way.
/// </summary>
internal static partial class NumberColumns
{
    private static readonly string[] NumberFields = ["item.value", "item.quantity"];

    public static async IAsyncEnumerable<InputRow> ReadAsync(IAsyncEnumerable<InputRow> rows, ConversionMapping mapping, bool decimalComma)
    {
        var columns = NumberFields
            .Where(mapping.SourceColumns.ContainsKey)
            .Select(field => (Field: field, Column: mapping.SourceColumns[field]))
            .ToList();

        await foreach (var row in rows.ConfigureAwait(false))
        {
            yield return row.ReadError is null && row.Fields is { } fields && columns.Count > 0 ? Read(row, fields, columns, decimalComma) : row;
        }
    }

    private static InputRow Read(InputRow row, IReadOnlyDictionary<string, object?> fields, List<(string Field, string Column)> columns, bool decimalComma)
    {
        Dictionary<string, object?>? changed = null;
        foreach (var (field, column) in columns)
        {
            if (!fields.TryGetValue(column, out var cell) || cell is not string text || !Number().IsMatch(text))
            {
                continue;
            }

            string? problem = null;
            if (decimalComma)
            {
                if (DecimalCommaNumber().IsMatch(text))
                {
                    changed ??= new Dictionary<string, object?>(fields, StringComparer.OrdinalIgnoreCase);
                    changed[column] = text.Trim().Replace(',', '.');
                }
                else if (!PlainInteger().IsMatch(text))
                {
                    problem = $"Column '{column}' holds '{text}', which has a thousands separator: write the number without one (with --decimal-comma, as in 1234,50).";
                }
            }
            else if (text.Contains(',', StringComparison.Ordinal) || GroupedNumber().IsMatch(text))
            {
                problem = $"Column '{column}' holds '{text}': numbers are read with a decimal point and no thousands separator; give --decimal-comma if the file writes decimals with a comma (12,50).";
            }

            if (problem is not null)
            {
                return row with { ReadError = problem, ReadErrorField = field, ReadErrorColumn = column };
            }
        }

        return changed is null ? row : row with { Fields = changed };
    }

    /// <summary>Digits with the separators people write in numbers; anything else is left to validation.</summary>
    [GeneratedRegex(@"^\s*[+-]?[0-9][0-9.,\u0020\u00A0\u202F']*\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"^\s*[+-]?[0-9]+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainInteger();

    [GeneratedRegex(@"^\s*[+-]?[0-9]+,[0-9]+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalCommaNumber();

    /// <summary>Digits in groups of three after a space, a no-break space or an apostrophe.</summary>
    [GeneratedRegex(@"^\s*[+-]?[0-9]{1,3}([\u0020\u00A0\u202F'][0-9]{3})+(\.[0-9]+)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex GroupedNumber();
}
