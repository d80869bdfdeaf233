using System.Runtime.CompilerServices;
using Partnerize.Client.Mapping;

namespace Partnerize.Cli.Input;

/// <summary>
/// An input file read for a mapping: opened, inspected and its columns checked against the mapping now, before the
/// caller reads or sends a row; then its rows, with the CSV number columns read as --decimal-comma says.
/// </summary>
internal static class MappedInput
{
    /// <summary>
    /// Opens <paramref name="path"/> and checks it (see <see cref="InputFile.OpenAsync"/> and <see cref="ColumnCheck"/>),
    /// writing warnings to <paramref name="warnings"/>; throws a <see cref="UsageException"/> for a file that cannot be
    /// sent. The file is closed when the rows have been enumerated to the end (or the enumeration is stopped).
    /// </summary>
    public static async Task<IAsyncEnumerable<InputRow>> OpenAsync(string path, InputOptions options, ConversionMapping mapping, TextWriter warnings, CancellationToken cancellationToken)
    {
        var file = await InputFile.OpenAsync(path, options, cancellationToken).ConfigureAwait(false);
        try
        {
            if (options.DecimalComma && !file.IsCsv)
            {
                throw new UsageException($"--decimal-comma applies to CSV files; {file.Name} is JSON, whose numbers always use a decimal point.");
            }

            await ColumnCheck.RunAsync(mapping, file, options, warnings).ConfigureAwait(false);
            return Rows(file, file.IsCsv ? NumberColumns.ReadAsync(file.ReadRowsAsync(), mapping, options.DecimalComma) : file.ReadRowsAsync(), CancellationToken.None);
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async IAsyncEnumerable<InputRow> Rows(InputFile file, IAsyncEnumerable<InputRow> rows, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using (file.ConfigureAwait(false))
        {
            await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return row;
            }
        }
    }
}
