namespace Partnerize.Client.Mapping.Internal;

/// <summary>
/// The position of each field in a compiled mapping. Basket custom parameters follow <see cref="FirstCustom"/>, in
/// their mapped order.
/// </summary>
internal static class MappingSlots
{
    public const int ConversionRef = 0;
    public const int ClickRef = 1;
    public const int Currency = 2;
    public const int Country = 3;
    public const int CustomerType = 4;
    public const int Voucher = 5;
    public const int CustomerRef = 6;
    public const int FulfilmentDate = 7;
    public const int ConversionTime = 8;
    public const int ItemCategory = 9;
    public const int ItemQuantity = 10;
    public const int ItemValue = 11;
    public const int ItemSku = 12;
    public const int Items = 13;
    public const int FirstCustom = 14;

    /// <summary>The field path of each fixed slot, as <see cref="Conversions.ConversionRejection.Field"/> names it.</summary>
    public static readonly string[] Paths =
    [
        "conversionRef", "clickRef", "currency", "country", "customerType", "voucher", "customerRef",
        "fulfilmentDate", "conversionTime", "item.category", "item.quantity", "item.value", "item.sku", "items",
    ];

    /// <summary>How each fixed slot's value is converted.</summary>
    public static readonly ValueRule[] Rules =
    [
        ValueRule.Text, ValueRule.Text, ValueRule.Text, ValueRule.Text, ValueRule.Text, ValueRule.Text, ValueRule.Text,
        ValueRule.Date, ValueRule.DateTime, ValueRule.Text, ValueRule.Number, ValueRule.Number, ValueRule.Text, ValueRule.Text,
    ];
}
