using System.Buffers;

namespace Partnerize.Client.Tracking.Internal;

/// <summary>
/// Appends characters to a stack buffer that moves to a pooled array when it fills, so that building a URL
/// allocates nothing but the final string.
/// </summary>
internal ref struct UrlWriter
{
    private char[]? _rented;
    private Span<char> _buffer;
    private int _length;

    public UrlWriter(Span<char> initialBuffer)
    {
        _rented = null;
        _buffer = initialBuffer;
        _length = 0;
    }

    public readonly int Length => _length;

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
