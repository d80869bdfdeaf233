using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using CsvHelper.Configuration;

namespace Partnerize.Cli.Input;

/// <summary>
/// Streams the rows of a CSV file with a header row; never holds the file in memory. Comma, semicolon, tab and pipe
/// files are read alike: the delimiter is given, or detected from the header line.
/// </summary>
internal sealed class CsvRowReader : IDisposable
{
    private readonly CsvReader _csv;
    private readonly string _fileName;
    private readonly InvalidByteTracker _invalidBytes;
    private readonly string _encodingName;
    private string? _badData;

    private CsvRowReader(TextReader reader, string fileName, char? delimiter, InvalidByteTracker invalidBytes, string encodingName)
    {
        _fileName = fileName;
        _invalidBytes = invalidBytes;
        _encodingName = encodingName;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            // A malformed field rejects its row instead of stopping the run: every row gets an outcome.
            BadDataFound = args => _badData ??= $"malformed CSV field {args.Field}",
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            Delimiter = delimiter?.ToString() ?? ",",
            DetectDelimiter = delimiter is null,
            DetectDelimiterValues = [.. InputOptions.Delimiters.Select(d => d.ToString())],

            // CsvHelper's own detection weighs every line of its first buffer, where the data of a semicolon file
            // (decimal commas: 12,50) can outvote the header. The header line names the columns and holds no numbers,
            // so it alone decides: the candidate found most often there outside quotes, comma when there is none.
            GetDelimiter = args => DetectFromHeaderLine(args.Text).ToString(),
        };

        _csv = new CsvReader(reader, configuration);
    }

    /// <summary>The column names of the header row, in file order.</summary>
    public IReadOnlyList<string> Header { get; private set; } = [];

    /// <summary>The delimiter the file is read with.</summary>
    public char Delimiter => _csv.Parser.Delimiter[0];

    /// <summary>Reads the header row; refuses a file without one, or one naming a column twice.</summary>
    public static async Task<CsvRowReader> OpenAsync(TextReader reader, string fileName, char? delimiter, InvalidByteTracker invalidBytes, string encodingName)
    {
        var csv = new CsvRowReader(reader, fileName, delimiter, invalidBytes, encodingName);
        try
        {
            await csv.ReadHeaderAsync().ConfigureAwait(false);
            return csv;
        }
        catch
        {
            csv.Dispose();
            throw;
        }
    }

    public async IAsyncEnumerable<InputRow> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var number = 0;
        var header = Header;
        while (await _csv.ReadAsync().ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            number++;
            var fields = new Dictionary<string, object?>(header.Count, StringComparer.OrdinalIgnoreCase);
            string? replacedIn = null;
            for (var i = 0; i < header.Count; i++)
            {
                var value = _csv.TryGetField<string>(i, out var field) ? field : null;
                fields[header[i]] = value;
                if (replacedIn is null && _invalidBytes.Replaced(value))
                {
                    replacedIn = header[i];
                }
            }

            var error = _badData is not null
                ? $"Row {number} of {_fileName} could not be read: {_badData}."
                : replacedIn is not null ? InvalidBytesMessage(number, replacedIn) : null;
            _badData = null;
            yield return new InputRow(number, fields, null, error);
        }
    }

    public void Dispose() => _csv.Dispose();

    private string InvalidBytesMessage(int row, string column) => string.Create(CultureInfo.InvariantCulture,
        $"Row {row} of {_fileName} could not be read: column '{column}' holds bytes that are not valid {_encodingName}; give the file's encoding with --encoding (e.g. --encoding windows-1252).");

    private async Task ReadHeaderAsync()
    {
        if (!await _csv.ReadAsync().ConfigureAwait(false) || !_csv.ReadHeader() || _csv.HeaderRecord is not { Length: > 0 } header)
        {
            throw new UsageException($"{_fileName} has no header row; the first line must name the columns.");
        }

        if (header.FirstOrDefault(_invalidBytes.Replaced) is { } broken)
        {
            throw new UsageException($"{_fileName} has bytes that are not valid {_encodingName} in its header row ('{broken}'): give the file's encoding with --encoding (e.g. --encoding windows-1252).");
        }

        var duplicate = header.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new UsageException($"{_fileName} names the column '{duplicate.Key}' twice in its header row.");
        }

        Header = header;
    }

    /// <summary>The candidate delimiter found most often in the first line of <paramref name="text"/>, outside quotes.</summary>
    internal static char DetectFromHeaderLine(ReadOnlySpan<char> text)
    {
        Span<int> counts = stackalloc int[InputOptions.Delimiters.Count];
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\r' or '\n')
            {
                break;
            }
            else if (!quoted)
            {
                for (var i = 0; i < counts.Length; i++)
                {
                    counts[i] += c == InputOptions.Delimiters[i] ? 1 : 0;
                }
            }
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            best = counts[i] > counts[best] ? i : best;
        }

        return InputOptions.Delimiters[best];
    }
}
