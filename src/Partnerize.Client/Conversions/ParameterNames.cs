namespace Partnerize.Client.Conversions;

/// <summary>
/// The standard parameter names of Partnerize's server-to-server tracking URL, in one place.
/// </summary>
/// <remarks>
/// <see cref="FulfilmentDate"/> and <see cref="ConversionTime"/> are names this library decided on where
/// Partnerize's public documentation is silent (see docs/conversions.md). Custom parameters may not use any of these names.
/// </remarks>
public static class ParameterNames
{
    /// <summary><c>tracking_mode</c>: always <c>api</c> for server-to-server conversions.</summary>
    public const string TrackingMode = "tracking_mode";

    /// <summary><c>campaign</c>: the Partnerize campaign ID.</summary>
    public const string Campaign = "campaign";

    /// <summary><c>conversionref</c>: the brand's order ID.</summary>
    public const string ConversionRef = "conversionref";

    /// <summary><c>clickref</c>: the click reference captured at the point of sale (case-sensitive).</summary>
    public const string ClickRef = "clickref";

    /// <summary><c>currency</c>: ISO 4217 code.</summary>
    public const string Currency = "currency";

    /// <summary><c>country</c>: ISO 3166-1 alpha-2 code.</summary>
    public const string Country = "country";

    /// <summary><c>customertype</c>: <c>new</c> or <c>existing</c>.</summary>
    public const string CustomerType = "customertype";

    /// <summary><c>voucher</c>: the voucher or discount code.</summary>
    public const string Voucher = "voucher";

    /// <summary><c>custref</c>: the brand's own customer identifier.</summary>
    public const string CustomerRef = "custref";

    /// <summary><c>fulfilment_date</c>: <c>YYYY-MM-DD</c>, drives the auto-approval window.</summary>
    public const string FulfilmentDate = "fulfilment_date";

    /// <summary><c>conversion_time</c>: when the sale happened, UTC, <c>YYYY-MM-DD HH:MM:SS</c>.</summary>
    public const string ConversionTime = "conversion_time";

    /// <summary><c>category</c>: the item category (item level).</summary>
    public const string Category = "category";

    /// <summary><c>sku</c>: the product SKU (item level).</summary>
    public const string Sku = "sku";

    /// <summary><c>value</c>: the item value excluding tax (item level).</summary>
    public const string Value = "value";

    /// <summary><c>quantity</c>: the number of units (item level).</summary>
    public const string Quantity = "quantity";

    // Declared before All, which wraps it.
    private static readonly string[] StandardNames =
    [
        TrackingMode, Campaign, ConversionRef, ClickRef, Currency, Country, CustomerType, Voucher, CustomerRef,
        FulfilmentDate, ConversionTime, Category, Sku, Value, Quantity,
    ];

    // The names by length: the lookup runs for every custom parameter of every conversion, and a key can only equal, ignoring
    // case, a name of its own length (ordinal case-insensitive comparison maps one UTF-16 unit to one).
    private static readonly string[][] StandardNamesByLength = GroupByLength(StandardNames);

    /// <summary>Every standard name; a custom parameter may not use any of them (compared case-insensitively).</summary>
    public static IReadOnlyList<string> All { get; } = Array.AsReadOnly(StandardNames);

    /// <summary>Whether <paramref name="key"/> is a standard name, ignoring case.</summary>
    /// <param name="key">The key to test.</param>
    /// <returns><see langword="true"/> when the key is reserved.</returns>
    public static bool IsStandard(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length is 0 || key.Length >= StandardNamesByLength.Length)
        {
            return false;
        }

        // Every standard name starts with a lower-case ASCII letter: an ASCII first character that differs, ignoring
        // case, rules a name out before the full comparison (non-ASCII keys always get the full comparison).
        var first = char.IsAscii(key[0]) ? (char)(key[0] | 0x20) : '\0';
        foreach (var name in StandardNamesByLength[key.Length])
        {
            if ((first == '\0' || name[0] == first) && string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string[][] GroupByLength(string[] names)
    {
        var groups = new string[names.Max(name => name.Length) + 1][];
        for (var length = 0; length < groups.Length; length++)
        {
            groups[length] = names.Where(name => name.Length == length).ToArray();
        }

        return groups;
    }
}
