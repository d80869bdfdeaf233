using System.Collections;

namespace Partnerize.Client.Mapping.Internal;

/// <summary>
/// An items entry held as a writable generic dictionary (<c>ExpandoObject</c>, <c>IDictionary&lt;string, object?&gt;</c>)
/// or a non-generic <see cref="IDictionary"/> (<c>Hashtable</c>, <c>Dictionary&lt;string, string&gt;</c>).
/// </summary>
internal readonly struct ObjectDictionarySource : IValueSource
{
    private readonly IDictionary<string, object?>? _generic;
    private readonly IDictionary? _nonGeneric;

    public ObjectDictionarySource(IDictionary<string, object?> entry) => _generic = entry;

    public ObjectDictionarySource(IDictionary entry) => _nonGeneric = entry;

    public Cell Read(string name, int slot)
    {
        if (_generic is not null)
        {
            if (_generic.TryGetValue(name, out var value))
            {
                return Cell.FromObject(value);
            }

            foreach (var pair in _generic)
            {
                if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return Cell.FromObject(pair.Value);
                }
            }

            return Cell.Missing;
        }

        if (_nonGeneric!.Contains(name))
        {
            return Cell.FromObject(_nonGeneric[name]);
        }

        var enumerator = _nonGeneric.GetEnumerator();
        while (enumerator.MoveNext())
        {
            if (enumerator.Key is string key && string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return Cell.FromObject(enumerator.Value);
            }
        }

        return Cell.Missing;
    }
}
