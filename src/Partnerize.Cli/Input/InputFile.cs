namespace Partnerize.Cli.Input;

/// <summary>Opens an input file and streams its rows, choosing the format by extension.</summary>
internal static class InputFile
{
    public static IAsyncEnumerable<InputRow> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
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

        return Read(stream, extension, fileName, cancellationToken);
    }

    private static async IAsyncEnumerable<InputRow> Read(Stream stream, string extension, string fileName, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using (stream.ConfigureAwait(false))
        {
            var rows = extension switch
            {
                ".csv" => CsvRowReader.ReadAsync(new StreamReader(stream), fileName, cancellationToken),
                ".json" => JsonRowReader.ReadArrayAsync(stream, fileName, cancellationToken),
                _ => JsonRowReader.ReadLinesAsync(new StreamReader(stream), fileName, cancellationToken),
            };

            await foreach (var row in rows.ConfigureAwait(false))
            {
                yield return row;
            }
        }
    }
}
