using System.Buffers;
using System.Text;

namespace Partnerize.Client.Tracking.Internal;

/// <summary>
/// RFC 3986 percent-encoding for tracking URL keys and values (wire contract 1.3): only the unreserved set
/// <c>A-Z a-z 0-9 - . _ ~</c> stays as is; everything else becomes upper-case <c>%XX</c> of its UTF-8 bytes.
/// </summary>
internal static class PercentEncoding
{
    private static readonly SearchValues<char> Unreserved =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~");

    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>Whether the text needs no encoding at all.</summary>
    public static bool IsUnreserved(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(Unreserved);

    /// <summary>Appends <paramref name="text"/> percent-encoded.</summary>
    public static void Append(ref UrlWriter writer, scoped ReadOnlySpan<char> text)
    {
        Span<byte> utf8 = stackalloc byte[4];
        while (true)
        {
            var next = text.IndexOfAnyExcept(Unreserved);
            if (next < 0)
            {
                writer.Append(text);
                return;
            }

            writer.Append(text[..next]);
            text = text[next..];

            // Unpaired surrogates are rejected by validation; a pure encoder still has to emit something well-formed.
            if (Rune.DecodeFromUtf16(text, out var rune, out var consumed) != OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
                consumed = 1;
            }

            var length = rune.EncodeToUtf8(utf8);
            var destination = writer.GetSpan(length * 3);
            for (var i = 0; i < length; i++)
            {
                var b = utf8[i];
                destination[(i * 3)] = '%';
                destination[(i * 3) + 1] = HexDigits[b >> 4];
                destination[(i * 3) + 2] = HexDigits[b & 0xF];
            }

            writer.Advance(length * 3);
            text = text[consumed..];
        }
    }

    /// <summary>Returns <paramref name="text"/> percent-encoded (for parts computed once, such as a URL prefix).</summary>
    public static string Encode(string text)
    {
        if (IsUnreserved(text))
        {
            return text;
        }

        var writer = new UrlWriter(stackalloc char[256]);
        try
        {
            Append(ref writer, text);
            return writer.ToString();
        }
        finally
        {
            writer.Dispose();
        }
    }
}
