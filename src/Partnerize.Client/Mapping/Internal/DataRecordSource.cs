using System.Data;

namespace Partnerize.Client.Mapping.Internal;

/// <summary>
/// The current row of a data reader, with the column ordinals resolved once per reader. Values are read through the
/// typed getters, so numbers and dates are not boxed.
/// </summary>
internal readonly struct DataRecordSource(IDataRecord record, int[] ordinals) : IValueSource
{
    public Cell Read(string name, int slot)
    {
        var ordinal = ordinals[slot];
        if (ordinal < 0)
        {
            return Cell.Missing;
        }

        if (record.IsDBNull(ordinal))
        {
            return Cell.Null;
        }

        // Asked per row: some providers (SQLite) type each value on its own, not each column.
        var type = record.GetFieldType(ordinal);
        if (type == typeof(string))
        {
            return Cell.FromText(record.GetString(ordinal));
        }

        if (type == typeof(long))
        {
            return Cell.FromNumber(record.GetInt64(ordinal));
        }

        if (type == typeof(int))
        {
            return Cell.FromNumber(record.GetInt32(ordinal));
        }

        if (type == typeof(decimal))
        {
            return Cell.FromNumber(record.GetDecimal(ordinal));
        }

        if (type == typeof(double))
        {
            return Cell.FromDouble(record.GetDouble(ordinal));
        }

        if (type == typeof(DateTime))
        {
            return Cell.FromDateTime(record.GetDateTime(ordinal));
        }

        if (type == typeof(short))
        {
            return Cell.FromNumber(record.GetInt16(ordinal));
        }

        if (type == typeof(float))
        {
            return Cell.FromSingle(record.GetFloat(ordinal));
        }

        if (type == typeof(bool))
        {
            return Cell.FromBoolean(record.GetBoolean(ordinal));
        }

        if (type == typeof(Guid))
        {
            return Cell.FromGuid(record.GetGuid(ordinal));
        }

        return Cell.FromObject(record.GetValue(ordinal));
    }

    /// <summary>Finds each mapped column in the reader's schema: an exact name first, then ignoring case; -1 when absent.</summary>
    public static int[] ResolveOrdinals(IDataRecord record, string?[] columns)
    {
        var ordinals = new int[columns.Length];
        var fieldCount = record.FieldCount;
        var names = new string[fieldCount];
        for (var i = 0; i < fieldCount; i++)
        {
            names[i] = record.GetName(i);
        }

        for (var slot = 0; slot < columns.Length; slot++)
        {
            ordinals[slot] = columns[slot] is { } column ? Find(names, column) : -1;
        }

        return ordinals;
    }

    private static int Find(string[] names, string column)
    {
        var insensitive = -1;
        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], column, StringComparison.Ordinal))
            {
                return i;
            }

            if (insensitive < 0 && string.Equals(names[i], column, StringComparison.OrdinalIgnoreCase))
            {
                insensitive = i;
            }
        }

        return insensitive;
    }
}
