using System.Text.Json;

namespace Partnerize.Client.Mapping.Internal;

/// <summary>A row or an items entry held as a JSON object.</summary>
internal readonly struct JsonSource(JsonElement row) : IValueSource
{
    public Cell Read(string name, int slot)
    {
        if (row.TryGetProperty(name, out var value))
        {
            return Cell.FromJson(value);
        }

        // Only reached when the case differs from the mapping's; property names are then materialised one by one.
        foreach (var property in row.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return Cell.FromJson(property.Value);
            }
        }

        return Cell.Missing;
    }
}
