using System.Text;

namespace Partnerize.Cli.Input;

/// <summary>
/// Looks at the start of an input file before any row is read: chooses the encoding (a byte order mark, else --encoding,
/// else UTF-8) and refuses, in one line, a file that is plainly not the text its extension promises.
/// </summary>
internal static class FileContent
{
    private const int InspectedBytes = 8 * 1024;

    /// <summary>
    /// Inspects the start of <paramref name="stream"/> and leaves it positioned after any byte order mark.
    /// </summary>
    /// <param name="stream">The file, positioned at its start.</param>
    /// <param name="fileName">The file's name, for messages.</param>
    /// <param name="kind">What the extension promises: <c>CSV</c> or <c>JSON</c>.</param>
    /// <param name="given">The encoding given with --encoding, if any.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The encoding to read the rest with.</returns>
    public static async Task<Encoding> InspectAsync(Stream stream, string fileName, string kind, Encoding? given, CancellationToken cancellationToken)
    {
        var buffer = new byte[InspectedBytes];
        var length = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        var start = buffer.AsSpan(0, length);
        var (encoding, preamble) = start switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
            [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
            [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
            _ => (given ?? Encoding.UTF8, 0),
        };

        stream.Position = preamble;
        var content = start[preamble..];
        if (content.IsEmpty || encoding.GetString(content).Trim().Length == 0)
        {
            throw new UsageException($"{fileName} is empty: there is nothing to send.");
        }

        if (content is [(byte)'P', (byte)'K', 3, 4, ..])
        {
            throw new UsageException($"{fileName} is a ZIP archive (an .xlsx workbook?), not {kind} text: save or export the sheet as {kind}.");
        }

        var text = encoding.GetString(content);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            var utf16Hint = preamble == 0 && given is null && LooksLikeUtf16(content)
                ? " If it is UTF-16 text without a byte order mark, give --encoding utf-16."
                : string.Empty;
            throw new UsageException($"{fileName} holds binary data (NUL bytes), not {kind} text: export the data as {kind}.{utf16Hint}");
        }

        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('<')
            && (trimmed.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
                || text.Contains("<html", StringComparison.OrdinalIgnoreCase)
                || text.Contains("<body", StringComparison.OrdinalIgnoreCase)))
        {
            throw new UsageException($"{fileName} is an HTML page, not {kind}: perhaps an error or sign-in page was saved in place of the export.");
        }

        return encoding;
    }

    /// <summary>ASCII text in UTF-16 has a NUL in every other byte.</summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> content)
    {
        var nulls = 0;
        for (var i = 0; i < content.Length; i++)
        {
            nulls += content[i] == 0 ? 1 : 0;
        }

        return content.Length >= 4 && nulls * 3 >= content.Length;
    }
}
