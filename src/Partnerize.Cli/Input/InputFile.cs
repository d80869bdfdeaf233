using System.Runtime.CompilerServices;
using System.Text;

namespace Partnerize.Cli.Input;

/// <summary>
/// An open input file: its format chosen by extension, its start inspected, its columns known (a CSV header, the
/// first JSON object's names) and its first row read, all before the caller maps or sends anything. Rows are streamed:
/// a file of millions of rows is never held in memory.
/// </summary>
internal sealed class InputFile : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly IDisposable? _reader;
    private readonly IAsyncEnumerator<InputRow> _rows;
    private bool _started;

    private InputFile(string name, string path, Stream stream, IDisposable? reader, IAsyncEnumerator<InputRow> rows, bool isCsv, IReadOnlyList<string>? columns, char? delimiter)
    {
        Name = name;
        Path = path;
        _stream = stream;
        _reader = reader;
        _rows = rows;
        IsCsv = isCsv;
        Columns = columns;
        Delimiter = delimiter;
    }

    /// <summary>The file's name, as messages name it.</summary>
    public string Name { get; }

    /// <summary>The path as given.</summary>
    public string Path { get; }

    /// <summary>Whether the file is CSV (rows of text) rather than JSON or JSON Lines.</summary>
    public bool IsCsv { get; }

    /// <summary>
    /// The columns of a CSV header, or the property names of the first JSON object; <see langword="null"/> when the
    /// first JSON row is not an object (it is then rejected with the rest of its kind).
    /// </summary>
    public IReadOnlyList<string>? Columns { get; }

    /// <summary>The delimiter a CSV file is read with; <see langword="null"/> for JSON.</summary>
    public char? Delimiter { get; }

    /// <summary>
    /// Opens a file and reads up to its first row. A file that cannot be opened, is empty, binary or an HTML page, has
    /// no header, or has no rows at all is refused here with a <see cref="UsageException"/> saying why in one line.
    /// </summary>
    /// <param name="path">The file; .csv, .jsonl, .ndjson or .json.</param>
    /// <param name="options">The encoding, delimiter and number options.</param>
    /// <param name="cancellationToken">Stops the reading, now and while the rows are enumerated.</param>
    public static async Task<InputFile> OpenAsync(string path, InputOptions options, CancellationToken cancellationToken)
    {
        var fileName = System.IO.Path.GetFileName(path);
        var extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".csv" or ".jsonl" or ".ndjson" or ".json"))
        {
            throw new UsageException($"--input {path}: unsupported file type '{extension}'. Use .csv (with a header row), .jsonl (one JSON object a line) or .json (an array of objects).");
        }

        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"--input {path}: the file cannot be read ({e.Message}).", e);
        }

        IDisposable? reader = null;
        try
        {
            var isCsv = extension == ".csv";
            var encoding = await FileContent.InspectAsync(stream, fileName, isCsv ? "CSV" : "JSON", options.Encoding, cancellationToken).ConfigureAwait(false);
            var invalidBytes = new InvalidByteTracker();
            var decoding = invalidBytes.Track(encoding);
            IAsyncEnumerable<InputRow> rows;
            CsvRowReader? csv = null;
            if (isCsv)
            {
                csv = await CsvRowReader.OpenAsync(Text(stream, decoding), fileName, options.Delimiter, invalidBytes, EncodingName(encoding)).ConfigureAwait(false);
                reader = csv;
                rows = csv.ReadAsync(cancellationToken);
            }
            else if (extension == ".json")
            {
                // JSON is read as UTF-8; any other encoding is transcoded, its invalid bytes tracked like CSV's.
                var utf8 = Encoding.CreateTranscodingStream(stream, decoding, Encoding.UTF8, leaveOpen: true);
                reader = utf8;
                rows = JsonRowReader.ReadArrayAsync(utf8, fileName, cancellationToken, invalidBytes);
            }
            else
            {
                rows = JsonRowReader.ReadLinesAsync(Text(stream, decoding), fileName, cancellationToken, invalidBytes);
            }

            var enumerator = rows.GetAsyncEnumerator(cancellationToken);
            if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
                throw new UsageException(isCsv
                    ? $"{fileName} has a header row but no rows: there is nothing to send."
                    : $"{fileName} holds no rows: there is nothing to send.");
            }

            var columns = csv?.Header ?? (enumerator.Current.Json is { } first ? [.. first.EnumerateObject().Select(p => p.Name)] : null);
            return new InputFile(fileName, path, stream, reader, enumerator, isCsv, columns, csv?.Delimiter);
        }
        catch
        {
            reader?.Dispose();
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Streams the rows of a file with the default options (UTF-8, delimiter detected).</summary>
    public static IAsyncEnumerable<InputRow> ReadAsync(string path, CancellationToken cancellationToken) =>
        ReadAsync(path, InputOptions.Default, cancellationToken);

    /// <summary>Opens a file and streams its rows; the checks of <see cref="OpenAsync"/> run at the first row.</summary>
    public static async IAsyncEnumerable<InputRow> ReadAsync(string path, InputOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var file = await OpenAsync(path, options, cancellationToken).ConfigureAwait(false);
        await using (file.ConfigureAwait(false))
        {
            await foreach (var row in file.ReadRowsAsync().ConfigureAwait(false))
            {
                yield return row;
            }
        }
    }

    /// <summary>The rows, from the first; enumerate once.</summary>
    public async IAsyncEnumerable<InputRow> ReadRowsAsync()
    {
        if (_started)
        {
            throw new InvalidOperationException("The rows of an input file are read once.");
        }

        _started = true;
        do
        {
            yield return _rows.Current;
        }
        while (await _rows.MoveNextAsync().ConfigureAwait(false));
    }

    public async ValueTask DisposeAsync()
    {
        await _rows.DisposeAsync().ConfigureAwait(false);
        _reader?.Dispose();
        await _stream.DisposeAsync().ConfigureAwait(false);
    }

    private static StreamReader Text(Stream stream, Encoding encoding) =>
        new(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);

    private static string EncodingName(Encoding encoding) => encoding switch
    {
        UTF8Encoding => "UTF-8",
        UnicodeEncoding => "UTF-16",
        _ => encoding.WebName,
    };
}
