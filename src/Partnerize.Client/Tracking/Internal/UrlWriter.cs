using System.Buffers;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Partnerize.Client.Tracking.Internal;

/// <summary>
/// Appends characters to a buffer that moves to a pooled array when it fills, so that building a URL allocates nothing
/// but the final string.
/// </summary>
internal ref struct UrlWriter
{
    private const int ThreadBufferLength = 2048;

    // 10^0 to 10^19: a ulong has at most 20 digits.
    private static readonly ulong[] PowersOfTen =
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
        100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
        10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000, 10_000_000_000_000_000_000,
    ];

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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(char c)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(scoped ReadOnlySpan<char> text)
    {
        var length = text.Length;
        if (length > _buffer.Length - _length)
        {
            Grow(length);
        }

        CopyShort(ref Unsafe.Add(ref MemoryMarshal.GetReference(_buffer), _length), text);
        _length += length;
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

    /// <summary>The longest text <see cref="WriteDecimal"/> writes: 29 digits and the point.</summary>
    public const int MaxDecimalLength = 30;

    /// <summary>The longest text <see cref="WriteNonNegative"/> writes: the 10 digits of <see cref="int.MaxValue"/>.</summary>
    public const int MaxIntLength = 10;

    /// <summary>The length of a date as <see cref="WriteDate"/> writes it.</summary>
    public const int DateLength = 10;

    /// <summary>The length of a time as <see cref="WriteEscapedTime"/> writes it.</summary>
    public const int EscapedTimeLength = 25;

    /// <summary>
    /// Appends a decimal of 0 or more as its invariant text (<c>42.50</c>: every digit of its scale, no exponent, exactly
    /// as <see cref="decimal.ToString(IFormatProvider)"/> writes it), from its 96-bit integer and scale, without the
    /// general formatter. A negative zero is written without its sign; any other negative value (the validator lets none
    /// through) takes the general formatter.
    /// </summary>
    public void AppendDecimal(decimal value)
    {
        var written = WriteDecimal(GetSpan(MaxDecimalLength), value);
        if (written < 0)
        {
            AppendInvariant(value);
            return;
        }

        _length += written;
    }

    /// <summary>
    /// Writes a decimal of 0 or more (or a negative zero) as <see cref="AppendDecimal"/> does at the start of
    /// <paramref name="destination"/>, which has room for <see cref="MaxDecimalLength"/> characters.
    /// </summary>
    /// <returns>The number of characters written, or -1 (nothing written) for a value below zero.</returns>
    public static int WriteDecimal(Span<char> destination, decimal value)
    {
        var bits = default(DecimalBits);
        decimal.GetBits(value, bits);
        var flags = bits[3];

        // A negative zero is written as a zero ("0.00"), as the validator keeps it.
        if (flags < 0 && (bits[0] | bits[1] | bits[2]) != 0)
        {
            return -1;
        }

        var scale = (flags >> 16) & 0xFF;
        var low = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        if (bits[2] != 0)
        {
            return WriteScaled(destination, new UInt128((uint)bits[2], low), scale);
        }

        // The digits from the right: the fraction (zero-padded to the scale), the point, then the integral part (at
        // least "0").
        var count = CountDigits(low);
        var length = scale == 0 ? count : Math.Max(count, scale + 1) + 1;
        destination = destination[..length];
        var at = length;
        for (var i = 0; i < scale; i++)
        {
            var quotient = low / 10;
            destination[--at] = (char)('0' + (int)(low - (quotient * 10)));
            low = quotient;
        }

        if (scale > 0)
        {
            destination[--at] = '.';
        }

        do
        {
            var quotient = low / 10;
            destination[--at] = (char)('0' + (int)(low - (quotient * 10)));
            low = quotient;
        }
        while (at > 0);

        return length;
    }

    /// <summary>
    /// Writes a number of 0 or more (digits only) at <paramref name="at"/> in <paramref name="destination"/>, which has
    /// room for <see cref="MaxIntLength"/> characters there.
    /// </summary>
    /// <returns>The position after the number.</returns>
    public static int WriteNonNegative(Span<char> destination, int at, int value)
    {
        Debug.Assert(value >= 0, "Only numbers of 0 or more are written as digits alone.");
        if (value < 10)
        {
            destination[at] = (char)('0' + value);
            return at + 1;
        }

        var digits = CountDigits((ulong)value);
        WriteDigits(destination.Slice(at, digits), value);
        return at + digits;
    }

    /// <summary>
    /// Copies <paramref name="text"/> to <paramref name="destination"/> at <paramref name="at"/>, as
    /// <see cref="Append(ReadOnlySpan{char})"/> does, for a caller that keeps its position in a local: a writer passed by
    /// reference keeps its length in memory, so every append waits for the previous one's store.
    /// </summary>
    /// <returns>The position after the text.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Put(Span<char> destination, int at, scoped ReadOnlySpan<char> text)
    {
        var length = text.Length;

        // The caller reserved room for what it writes; this check (a register comparison) keeps a wrong reservation from
        // writing past the buffer.
        if ((uint)at > (uint)destination.Length || (uint)length > (uint)(destination.Length - at))
        {
            ThrowNoRoom();
        }

        CopyShort(ref Unsafe.Add(ref MemoryMarshal.GetReference(destination), at), text);
        return at + length;
    }

    /// <summary>Appends a number of 0 or more in the invariant culture (digits only).</summary>
    public void AppendNonNegative(int value)
    {
        if (value < 0)
        {
            AppendInvariant(value);
            return;
        }

        _length += WriteNonNegative(GetSpan(MaxIntLength), 0, value);
    }

    /// <summary>Appends a date as <c>yyyy-MM-dd</c>.</summary>
    public void AppendDate(DateOnly date)
    {
        // One calendar computation for the three parts, where Year, Month and Day would make one each.
        date.Deconstruct(out var year, out var month, out var day);
        AppendDate(year, month, day);
    }

    /// <summary>Appends a date as <c>yyyy-MM-dd</c>.</summary>
    public void AppendDate(int year, int month, int day)
    {
        WriteDate(GetSpan(DateLength), year, month, day);
        _length += DateLength;
    }

    /// <summary>Appends a UTC time as <c>yyyy-MM-dd HH:mm:ss</c>, escaped: the space as <c>%20</c>, each <c>:</c> as <c>%3A</c>.</summary>
    public void AppendEscapedTime(DateTime utc)
    {
        WriteEscapedTime(GetSpan(EscapedTimeLength), utc);
        _length += EscapedTimeLength;
    }

    /// <summary>Writes a date as <c>yyyy-MM-dd</c> (<see cref="DateLength"/> characters) at the start of <paramref name="destination"/>.</summary>
    public static void WriteDate(Span<char> destination, int year, int month, int day)
    {
        destination = destination[..DateLength];
        WriteTwoDigits(destination, year / 100);
        WriteTwoDigits(destination[2..], year % 100);
        destination[4] = '-';
        WriteTwoDigits(destination[5..], month);
        destination[7] = '-';
        WriteTwoDigits(destination[8..], day);
    }

    /// <summary>Writes a UTC time as <see cref="AppendEscapedTime"/> does (<see cref="EscapedTimeLength"/> characters) at the start of <paramref name="destination"/>.</summary>
    public static void WriteEscapedTime(Span<char> destination, DateTime utc)
    {
        utc.Deconstruct(out var date, out var time);

        // One calendar computation for the three parts, where Year, Month and Day would make one each.
        date.Deconstruct(out var year, out var month, out var day);
        destination = destination[..EscapedTimeLength];
        WriteDate(destination, year, month, day);
        "%20".CopyTo(destination[10..]);
        WriteTwoDigits(destination[13..], time.Hour);
        "%3A".CopyTo(destination[15..]);
        WriteTwoDigits(destination[18..], time.Minute);
        "%3A".CopyTo(destination[20..]);
        WriteTwoDigits(destination[23..], time.Second);
    }

    /// <summary>A span of at least <paramref name="size"/> free characters; call <see cref="Advance"/> after writing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<char> GetSpan(int size)
    {
        if (size > _buffer.Length - _length)
        {
            Grow(size);
        }

        return _buffer[_length..];
    }

    public void Advance(int count) => _length += count;

    /// <summary>Goes back to an earlier <see cref="Length"/>, forgetting what was appended since.</summary>
    public void Rewind(int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)length, (uint)_length, nameof(length));
        _length = length;
    }

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

    /// <summary>Copies <paramref name="text"/> to <paramref name="destination"/>, which has room for it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyShort(ref char destination, scoped ReadOnlySpan<char> text)
    {
        // Most values of a URL are short (codes, IDs, SKUs): two overlapping 8- or 16-byte moves copy 4 to 16 characters
        // without a call to the general copy, which costs more than the copy itself at these sizes. Both moves stay
        // within the text and within the room the caller checked.
        var length = text.Length;
        ref var source = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(text));
        ref var target = ref Unsafe.As<char, byte>(ref destination);
        var bytes = (nuint)length * sizeof(char);
        if (length is >= 8 and <= 16)
        {
            Unsafe.WriteUnaligned(ref target, Unsafe.ReadUnaligned<Vector128<byte>>(ref source));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, bytes - 16), Unsafe.ReadUnaligned<Vector128<byte>>(ref Unsafe.Add(ref source, bytes - 16)));
        }
        else if (length is >= 4 and < 8)
        {
            Unsafe.WriteUnaligned(ref target, Unsafe.ReadUnaligned<ulong>(ref source));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, bytes - 8), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, bytes - 8)));
        }
        else
        {
            text.CopyTo(MemoryMarshal.CreateSpan(ref destination, length));
        }
    }

    [DoesNotReturn]
    private static void ThrowNoRoom() => throw new InvalidOperationException("No room was reserved for the text in the URL buffer.");

    /// <summary>Writes <paramref name="value"/> zero-padded to fill <paramref name="destination"/>.</summary>
    private static void WriteDigits(Span<char> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <summary>Writes <paramref name="value"/> (0 to 99) as two digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteTwoDigits(Span<char> destination, int value)
    {
        var tens = (uint)value / 10;
        destination[1] = (char)('0' + ((uint)value - (tens * 10)));
        destination[0] = (char)('0' + tens);
    }

    private static int CountDigits(ulong value)
    {
        // log10 from log2 (1233 / 4096 is just over log10(2)), then one comparison to correct it.
        // Zero has one digit, as one has.
        value |= 1;
        var estimate = ((64 - BitOperations.LeadingZeroCount(value)) * 1233) >> 12;
        return estimate + 1 - (value < PowersOfTen[estimate] ? 1 : 0);
    }

    /// <summary>The rare decimal above 64 bits (its 96-bit integer over 18 446 744 073 709 551 615): the same text through 128-bit arithmetic.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int WriteScaled(Span<char> destination, UInt128 unscaled, int scale)
    {
        var count = 1;
        for (var rest = unscaled / 10; rest != 0; rest /= 10)
        {
            count++;
        }

        var length = scale == 0 ? count : Math.Max(count, scale + 1) + 1;
        destination = destination[..length];
        var at = length;
        for (var i = 0; i < scale; i++)
        {
            var (quotient, digit) = UInt128.DivRem(unscaled, 10);
            destination[--at] = (char)('0' + (int)digit);
            unscaled = quotient;
        }

        if (scale > 0)
        {
            destination[--at] = '.';
        }

        do
        {
            var (quotient, digit) = UInt128.DivRem(unscaled, 10);
            destination[--at] = (char)('0' + (int)digit);
            unscaled = quotient;
        }
        while (at > 0);

        return length;
    }

    /// <summary>Room for <see cref="decimal.GetBits(decimal, Span{int})"/> without a stack allocation.</summary>
    [InlineArray(4)]
    private struct DecimalBits
    {
        private int _element;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
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
