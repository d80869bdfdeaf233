namespace Partnerize.Client.Mapping.Internal;

/// <summary>
/// Where a row's values come from. Implemented by structs and used through generic methods, so that reading a value
/// costs no interface call and no allocation.
/// </summary>
internal interface IValueSource
{
    /// <summary>Reads the value of the column (or, inside an items entry, the key) the mapping names.</summary>
    /// <param name="name">The column or key, matched case-insensitively.</param>
    /// <param name="slot">The field's position in the mapping, for sources that resolved their columns up front.</param>
    Cell Read(string name, int slot);
}
