using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using CsvHelper.Configuration;

namespace Partnerize.Cli.Input;

/// <summary>Streams the rows of a CSV file with a header row; never holds the file in memory.</summary>
internal static class CsvRowReader
{
    public static async IAsyncEnumerable<InputRow> ReadAsync(TextReader reader, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? badData = null;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            // A malformed field rejects its row instead of stopping the run: every row gets an outcome.
            BadDataFound = args => badData ??= $"malformed CSV field {args.Field}",
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
        };

        using var csv = new CsvReader(reader, configuration);
        if (!await csv.ReadAsync().ConfigureAwait(false) || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
        {
            throw new UsageException($"{fileName} has no header row; the first line must name the columns.");
        }

        var duplicate = header.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new UsageException($"{fileName} names the column '{duplicate.Key}' twice in its header row.");
        }

        var number = 0;
        while (await csv.ReadAsync().ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            number++;
            var fields = new Dictionary<string, object?>(header.Length, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length; i++)
            {
                fields[header[i]] = csv.TryGetField<string>(i, out var value) ? value : null;
            }

            var error = badData;
            badData = null;
            yield return new InputRow(number, fields, null, error is null ? null : $"Row {number} of {fileName} could not be read: {error}.");
        }
    }
}
