namespace Partnerize.Client.Mapping.Internal;

/// <summary>A row or an items entry held as a read-only dictionary, whatever its value type.</summary>
internal readonly struct DictionarySource<TValue>(IReadOnlyDictionary<string, TValue> row) : IValueSource
{
    public Cell Read(string name, int slot) => Find(row, name, out var value) ? Cell.FromObject(value) : Cell.Missing;

    private static bool Find(IReadOnlyDictionary<string, TValue> row, string name, out TValue? value)
    {
        if (row.TryGetValue(name, out value))
        {
            return true;
        }

        // The common Dictionary is enumerated through its struct enumerator: no allocation on the case-insensitive path.
        if (row is Dictionary<string, TValue> dictionary)
        {
            if (dictionary.Comparer == StringComparer.OrdinalIgnoreCase)
            {
                return false;
            }

            foreach (var pair in dictionary)
            {
                if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = pair.Value;
                    return true;
                }
            }

            return false;
        }

        foreach (var pair in row)
        {
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                value = pair.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
