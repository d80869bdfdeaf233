using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;

namespace Partnerize.Cli.Output;

/// <summary>
/// Writes every rejected or failed row to <c>--report FILE</c> with its original columns plus <c>_row</c>,
/// <c>_conversion_ref</c>, <c>_outcome</c> and <c>_reasons</c>, so the file can be fixed and sent again with the
/// same mapping (extra columns are ignored by the mapping). CSV or JSON Lines by extension.
/// </summary>
internal sealed class ReportWriter : IAsyncDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly StreamWriter _writer;
    private readonly CsvWriter? _csv;
    private IReadOnlyList<string>? _csvHeader;

    private ReportWriter(StreamWriter writer, bool csv)
    {
        _writer = writer;
        _csv = csv ? new CsvWriter(writer, CultureInfo.InvariantCulture) : null;
    }

    public int RowsWritten { get; private set; }

    public static ReportWriter Create(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".csv" or ".jsonl" or ".ndjson"))
        {
            throw new UsageException($"--report {path}: use a .csv or .jsonl file name; the extension chooses the format.");
        }

        try
        {
            return new ReportWriter(new StreamWriter(path, append: false, new UTF8Encoding(false)), extension == ".csv");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"--report {path}: the file cannot be written ({e.Message}).", e);
        }
    }

    public async Task WriteAsync(RowOutcome outcome)
    {
        RowsWritten++;
        var fields = outcome.Row.RawFields().ToList();
        if (_csv is not null)
        {
            await WriteCsvAsync(outcome, fields).ConfigureAwait(false);
            return;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            foreach (var (key, value) in fields)
            {
                json.WriteString(key, value);
            }

            json.WriteNumber("_row", outcome.Row.Number);
            json.WriteString("_conversion_ref", outcome.ConversionRef);
            json.WriteString("_outcome", outcome.Outcome);
            json.WriteString("_reasons", outcome.Describe());
            json.WriteEndObject();
        }

        await _writer.WriteLineAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_csv is not null)
        {
            await _csv.DisposeAsync().ConfigureAwait(false);
        }

        await _writer.DisposeAsync().ConfigureAwait(false);
    }

    private async Task WriteCsvAsync(RowOutcome outcome, List<KeyValuePair<string, string?>> fields)
    {
        // The header is fixed by the first reported row; CSV inputs share one header, JSON rows may differ.
        if (_csvHeader is null)
        {
            _csvHeader = [.. fields.Select(f => f.Key), "_row", "_conversion_ref", "_outcome", "_reasons"];
            foreach (var name in _csvHeader)
            {
                _csv!.WriteField(name);
            }

            await _csv!.NextRecordAsync().ConfigureAwait(false);
        }

        foreach (var name in _csvHeader.Take(_csvHeader.Count - 4))
        {
            _csv!.WriteField(fields.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Value);
        }

        _csv!.WriteField(outcome.Row.Number.ToString(CultureInfo.InvariantCulture));
        _csv.WriteField(outcome.ConversionRef);
        _csv.WriteField(outcome.Outcome);
        _csv.WriteField(outcome.Describe());
        await _csv.NextRecordAsync().ConfigureAwait(false);
    }
}
