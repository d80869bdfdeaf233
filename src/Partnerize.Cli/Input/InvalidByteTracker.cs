using System.Text;

namespace Partnerize.Cli.Input;

/// <summary>
/// The decoder fallback of an input file: each byte sequence that is not valid in the file's encoding becomes U+FFFD,
/// and the tracker remembers that it happened.
/// </summary>
/// <remarks>
/// An exception fallback would stop the whole file at the first bad byte, and the decoder works ahead of the CSV parser
/// (a buffer at a time), so the exception could not say which row. Instead the readers look for U+FFFD in each row once
/// the tracker has seen a bad byte: the decoder has always decoded a row's bytes before the parser hands the row out,
/// so a row holding U+FFFD is then reported as unreadable, never sent with the replacement in it. (A file with both a
/// genuine U+FFFD character and invalid bytes elsewhere would have its U+FFFD row refused too: the safe side.)
/// </remarks>
internal sealed class InvalidByteTracker : DecoderFallback
{
    public const char Replacement = '\uFFFD';

    /// <summary>Whether any invalid byte has been decoded so far.</summary>
    public bool Seen { get; private set; }

    public override int MaxCharCount => 1;

    /// <summary>Whether a row's text holds a replacement for invalid bytes.</summary>
    public bool Replaced(string? text) => Seen && text is not null && text.Contains(Replacement, StringComparison.Ordinal);

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

    /// <summary>The encoding to read with: <paramref name="encoding"/> reporting its invalid bytes to this tracker.</summary>
    public Encoding Track(Encoding encoding)
    {
        var tracked = (Encoding)encoding.Clone();
        tracked.DecoderFallback = this;
        return tracked;
    }

    private sealed class Buffer(InvalidByteTracker tracker) : DecoderFallbackBuffer
    {
        private bool _pending;

        public override int Remaining => _pending ? 1 : 0;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            tracker.Seen = true;
            _pending = true;
            return true;
        }

        public override char GetNextChar()
        {
            if (!_pending)
            {
                return '\0';
            }

            _pending = false;
            return Replacement;
        }

        public override bool MovePrevious() => false;

        public override void Reset() => _pending = false;
    }
}
