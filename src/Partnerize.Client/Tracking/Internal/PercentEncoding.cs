using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace Partnerize.Client.Tracking.Internal;

/// <summary>
/// RFC 3986 percent-encoding for tracking URL keys and values (wire contract 1.3): only the unreserved set
/// <c>A-Z a-z 0-9 - . _ ~</c> stays as is; everything else becomes upper-case <c>%XX</c> of its UTF-8 bytes.
/// </summary>
internal static class PercentEncoding
{
    /// <summary>The characters written as they are. None is white space or a surrogate, so text made only of them needs no trimming and no surrogate check either.</summary>
    public static readonly SearchValues<char> Unreserved =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~");

    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>Whether the text needs no encoding at all.</summary>
    public static bool IsUnreserved(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(Unreserved);

    /// <summary>Appends <paramref name="text"/> percent-encoded.</summary>
    public static void Append(ref UrlWriter writer, scoped ReadOnlySpan<char> text)
    {
        // Most values (order IDs, click refs, codes) need no escaping: one vectorised scan and one copy.
        var next = text.IndexOfAnyExcept(Unreserved);
        if (next < 0)
        {
            writer.Append(text);
            return;
        }

        AppendEscaped(ref writer, text, next);
    }

    /// <summary>
    /// Appends <paramref name="text"/> percent-encoded, given where its first character that needs escaping is (as
    /// <c>IndexOfAnyExcept(Unreserved)</c> found it, or beyond its end for none), and reports whether the text is
    /// well-formed UTF-16: the same scan that escapes finds unpaired surrogates.
    /// </summary>
    /// <returns><see langword="false"/> when the text holds an unpaired surrogate (written as U+FFFD).</returns>
    public static bool AppendWellFormed(ref UrlWriter writer, scoped ReadOnlySpan<char> text, int next)
    {
        if ((uint)next >= (uint)text.Length)
        {
            writer.Append(text);
            return true;
        }

        return AppendEscaped(ref writer, text, next);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool AppendEscaped(ref UrlWriter writer, scoped ReadOnlySpan<char> text, int next)
    {
        var wellFormed = true;
        writer.Append(text[..next]);
        text = text[next..];

        // One character at a time from here: text that needs escaping at all usually needs it often, and a vectorised
        // search restarted after every escaped character costs more than it saves.
        Span<byte> utf8 = stackalloc byte[4];
        var destination = writer.GetSpan(Math.Min(text.Length, 1024) * 3);
        var written = 0;
        for (var i = 0; i < text.Length;)
        {
            // Room for the longest output of one step: a surrogate pair, 4 UTF-8 bytes of 3 characters each.
            if (destination.Length - written < 12)
            {
                writer.Advance(written);
                destination = writer.GetSpan(Math.Min(text.Length - i, 1024) * 3 + 12);
                written = 0;
            }

            var c = text[i];
            if (char.IsAscii(c))
            {
                if (Unreserved.Contains(c))
                {
                    destination[written++] = c;
                }
                else
                {
                    written += WriteByte(destination[written..], (byte)c);
                }

                i++;
                continue;
            }

            // Unpaired surrogates are rejected by validation; a pure encoder still has to emit something well-formed.
            if (Rune.DecodeFromUtf16(text[i..], out var rune, out var consumed) != OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
                consumed = 1;
                wellFormed = false;
            }

            var length = rune.EncodeToUtf8(utf8);
            for (var b = 0; b < length; b++)
            {
                written += WriteByte(destination[written..], utf8[b]);
            }

            i += consumed;
        }

        writer.Advance(written);
        return wellFormed;
    }

    private static int WriteByte(Span<char> destination, byte b)
    {
        destination[2] = HexDigits[b & 0xF];
        destination[1] = HexDigits[b >> 4];
        destination[0] = '%';
        return 3;
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
