using System.Text.Json;

namespace Partnerize.Client.Mapping.Internal;

/// <summary>
/// One source value, typed without boxing, so that a data reader's numbers and dates reach the converter without an
/// allocation each. Only the member matching <see cref="Kind"/> is meaningful.
/// </summary>
internal readonly struct Cell
{
    private Cell(CellKind kind, object? reference = null, decimal number = default, double floating = default,
        DateTime dateTime = default, DateTimeOffset moment = default, JsonElement json = default)
    {
        Kind = kind;
        Reference = reference;
        Number = number;
        Floating = floating;
        DateTime = dateTime;
        Moment = moment;
        Json = json;
    }

    public static Cell Missing => default;

    public static Cell Null => new(CellKind.Null);

    public CellKind Kind { get; }

    /// <summary>The text (<see cref="CellKind.Text"/>) or the object (<see cref="CellKind.Other"/>).</summary>
    public object? Reference { get; }

    /// <summary>The number (<see cref="CellKind.Number"/>); 1 or 0 for <see cref="CellKind.Boolean"/>.</summary>
    public decimal Number { get; }

    /// <summary>The floating-point value (<see cref="CellKind.Double"/>, <see cref="CellKind.Single"/>).</summary>
    public double Floating { get; }

    /// <summary>The date and time (<see cref="CellKind.DateTime"/>, <see cref="CellKind.DateOnly"/>).</summary>
    public DateTime DateTime { get; }

    /// <summary>The moment (<see cref="CellKind.DateTimeOffset"/>).</summary>
    public DateTimeOffset Moment { get; }

    /// <summary>The JSON value (<see cref="CellKind.Json"/>).</summary>
    public JsonElement Json { get; }

    public bool IsEmpty => Kind is CellKind.Missing or CellKind.Null;

    public string Text => (string)Reference!;

    public bool Boolean => Number != 0;

    public static Cell FromText(string text) => new(CellKind.Text, text);

    public static Cell FromNumber(decimal number) => new(CellKind.Number, number: number);

    public static Cell FromDouble(double value) => new(CellKind.Double, floating: value);

    public static Cell FromSingle(float value) => new(CellKind.Single, floating: value);

    public static Cell FromBoolean(bool value) => new(CellKind.Boolean, number: value ? 1 : 0);

    public static Cell FromDateTime(DateTime value) => new(CellKind.DateTime, dateTime: value);

    public static Cell FromDateOnly(DateOnly value) => new(CellKind.DateOnly, dateTime: value.ToDateTime(TimeOnly.MinValue));

    public static Cell FromDateTimeOffset(DateTimeOffset value) => new(CellKind.DateTimeOffset, moment: value);

    public static Cell FromGuid(Guid value) => new(CellKind.Text, value.ToString("D"));

    public static Cell FromJson(JsonElement value) =>
        value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? Null : new(CellKind.Json, json: value);

    /// <summary>Reads a boxed value (dictionary rows, <c>GetValue</c> of unusual reader columns).</summary>
    public static Cell FromObject(object? value) => value switch
    {
        null or DBNull => Null,
        string text => FromText(text),
        int number => FromNumber(number),
        long number => FromNumber(number),
        decimal number => FromNumber(number),
        double number => FromDouble(number),
        float number => FromSingle(number),
        short number => FromNumber(number),
        byte number => FromNumber(number),
        sbyte number => FromNumber(number),
        ushort number => FromNumber(number),
        uint number => FromNumber(number),
        ulong number => FromNumber(number),
        bool flag => FromBoolean(flag),
        DateTime dateTime => FromDateTime(dateTime),
        DateOnly date => FromDateOnly(date),
        DateTimeOffset moment => FromDateTimeOffset(moment),
        JsonElement json => FromJson(json),
        Guid guid => FromGuid(guid),
        char character => FromText(character.ToString()),
        _ => new(CellKind.Other, value),
    };
}
