using System.Buffers;
using System.Globalization;

namespace Partnerize.Client.Tracking.Internal;

/// <summary>
/// Appends characters to a buffer that moves to a pooled array when it fills, so that building a URL allocates nothing
/// but the final string.
/// </summary>
internal ref struct UrlWriter
{
    private const int ThreadBufferLength = 2048;

    // Reused by every URL built on the thread: a stackalloc'd buffer of this size would be zeroed on every call, which
    // cost more than writing a typical URL into it.
    [ThreadStatic]
    private static char[]? t_buffer;

    private char[]? _threadBuffer;
    private char[]? _rented;
    private Span<char> _buffer;
    private int _length;

    public UrlWriter(Span<char> initialBuffer)
    {
        _threadBuffer = null;
        _rented = null;
        _buffer = initialBuffer;
        _length = 0;
    }

    public readonly int Length => _length;

    /// <summary>A writer on the thread's reusable buffer; <see cref="Dispose"/> hands the buffer back.</summary>
    public static UrlWriter OnThreadBuffer()
    {
        // Taken while in use, so that a nested writer on the same thread gets a buffer of its own.
        var buffer = t_buffer ?? new char[ThreadBufferLength];
        t_buffer = null;
        return new UrlWriter(buffer) { _threadBuffer = buffer };
    }

    public void Append(char c)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = c;
    }

    public void Append(scoped ReadOnlySpan<char> text)
    {
        if (text.Length > _buffer.Length - _length)
        {
            Grow(text.Length);
        }

        text.CopyTo(_buffer[_length..]);
        _length += text.Length;
    }

    /// <summary>Appends a number in the invariant culture; its text must need no escaping (digits, <c>.</c>, <c>-</c>).</summary>
    public void AppendInvariant<T>(T value)
        where T : ISpanFormattable
    {
        int written;
        while (!value.TryFormat(_buffer[_length..], out written, default, CultureInfo.InvariantCulture))
        {
            Grow(Math.Max(64, _buffer.Length - _length + 1));
        }

        _length += written;
    }

    /// <summary>
    /// Appends a decimal as its invariant text (<c>42.50</c>: every digit of its scale, no exponent), without the general
    /// formatter when its 96-bit integer fits 64 bits and it is not negative, as item values are.
    /// </summary>
    public void AppendDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        if (bits[2] != 0 || bits[3] < 0)
        {
            AppendInvariant(value);
            return;
        }

        var scale = (bits[3] >> 16) & 0xFF;
        var unscaled = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        Span<char> digits = stackalloc char[20];
        unscaled.TryFormat(digits, out var count, default, CultureInfo.InvariantCulture);
        if (scale == 0)
        {
            Append(digits[..count]);
            return;
        }

        // "0.05" for 5 at scale 2: a zero before the point, and zeros after it up to the first digit.
        var integral = count - scale;
        if (integral > 0)
        {
            Append(digits[..integral]);
            Append('.');
            Append(digits[integral..count]);
            return;
        }

        Append("0.");
        for (var i = integral; i < 0; i++)
        {
            Append('0');
        }

        Append(digits[..count]);
    }

    /// <summary>Appends <paramref name="value"/> (0 or more) as exactly <paramref name="digits"/> decimal digits, zero-padded.</summary>
    public void AppendDigits(int value, int digits)
    {
        var destination = GetSpan(digits);
        for (var i = digits - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }

        _length += digits;
    }

    /// <summary>A span of at least <paramref name="size"/> free characters; call <see cref="Advance"/> after writing.</summary>
    public Span<char> GetSpan(int size)
    {
        if (size > _buffer.Length - _length)
        {
            Grow(size);
        }

        return _buffer[_length..];
    }

    public void Advance(int count) => _length += count;

    public override readonly string ToString() => new(_buffer[.._length]);

    public void Dispose()
    {
        var rented = _rented;
        _rented = null;
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        if (_threadBuffer is not null)
        {
            t_buffer = _threadBuffer;
            _threadBuffer = null;
        }
    }

    private void Grow(int additional)
    {
        var next = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + additional));
        _buffer[.._length].CopyTo(next);
        var previous = _rented;
        _buffer = _rented = next;
        if (previous is not null)
        {
            ArrayPool<char>.Shared.Return(previous);
        }
    }
}
