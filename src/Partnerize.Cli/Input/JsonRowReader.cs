using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Partnerize.Cli.Input;

/// <summary>Streams the rows of a JSON Lines file (one object a line) or a JSON file (one array of objects).</summary>
internal static class JsonRowReader
{
    public static async IAsyncEnumerable<InputRow> ReadLinesAsync(TextReader reader, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken, InvalidByteTracker? invalidBytes = null)
    {
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            number++;
            InputRow row;
            if (invalidBytes is not null && invalidBytes.Replaced(line))
            {
                yield return new InputRow(number, null, null, InvalidBytes(number, fileName));
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                row = document.RootElement.ValueKind == JsonValueKind.Object
                    ? new InputRow(number, null, document.RootElement.Clone())
                    : new InputRow(number, null, null, $"Row {number} of {fileName} is a JSON {document.RootElement.ValueKind}, not an object.");
            }
            catch (JsonException e)
            {
                row = new InputRow(number, null, null, $"Row {number} of {fileName} is not valid JSON: {e.Message}");
            }

            yield return row;
        }
    }

    public static async IAsyncEnumerable<InputRow> ReadArrayAsync(Stream stream, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken, InvalidByteTracker? invalidBytes = null)
    {
        var number = 0;
        var elements = JsonSerializer.DeserializeAsyncEnumerable(stream, CliJsonContext.Default.JsonElement, cancellationToken);
        await using var enumerator = elements.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            JsonElement element;
            try
            {
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }

                element = enumerator.Current;
            }
            catch (JsonException e)
            {
                throw new UsageException($"{fileName} is not a valid JSON array of objects (after row {number}): {e.Message}", e);
            }

            number++;
            yield return element.ValueKind != JsonValueKind.Object
                ? new InputRow(number, null, null, $"Row {number} of {fileName} is a JSON {element.ValueKind}, not an object.")
                : invalidBytes is not null && invalidBytes.Replaced(element.GetRawText())
                    ? new InputRow(number, null, null, InvalidBytes(number, fileName))
                    : new InputRow(number, null, element);
        }
    }

    private static string InvalidBytes(int number, string fileName) =>
        $"Row {number} of {fileName} could not be read: it holds bytes that are not valid in the file's encoding; give the encoding with --encoding (e.g. --encoding windows-1252).";
}
