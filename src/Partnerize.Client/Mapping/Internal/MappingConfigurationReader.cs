using Microsoft.Extensions.Configuration;

namespace Partnerize.Client.Mapping.Internal;

/// <summary>
/// Reads a configuration section with the mapping's JSON shape. Unknown keys are refused (a misspelt key would
/// otherwise leave a field silently unmapped), so this does not use the reflection binder.
/// </summary>
internal static class MappingConfigurationReader
{
    public static MappingDocument Read(IConfiguration section, List<ConversionMappingError> errors)
    {
        var document = new MappingDocument();
        foreach (var child in section.GetChildren())
        {
            switch (child.Key.ToUpperInvariant())
            {
                case "CONVERSIONREF": document.ConversionRef = Scalar(child, "conversionRef", errors); break;
                case "CLICKREF": document.ClickRef = Scalar(child, "clickRef", errors); break;
                case "CURRENCY": document.Currency = Scalar(child, "currency", errors); break;
                case "COUNTRY": document.Country = Scalar(child, "country", errors); break;
                case "CUSTOMERTYPE": document.CustomerType = Scalar(child, "customerType", errors); break;
                case "VOUCHER": document.Voucher = Scalar(child, "voucher", errors); break;
                case "CUSTOMERREF": document.CustomerRef = Scalar(child, "customerRef", errors); break;
                case "FULFILMENTDATE": document.FulfilmentDate = Scalar(child, "fulfilmentDate", errors); break;
                case "CONVERSIONTIME": document.ConversionTime = Scalar(child, "conversionTime", errors); break;
                case "ITEM": document.Item = ReadItem(child, errors); break;
                case "ITEMS": document.Items = ReadItems(child, errors); break;
                case "CUSTOM": document.Custom = ReadCustom(child, "custom", errors); break;
                default: errors.Add(Unknown(child.Key, "the mapping", "conversionRef, clickRef, item, items, currency, country, customerType, voucher, customerRef, fulfilmentDate, conversionTime, custom")); break;
            }
        }

        return document;
    }

    private static SingleItemDocument? ReadItem(IConfigurationSection section, List<ConversionMappingError> errors)
    {
        if (!IsSection(section, "item", errors))
        {
            return null;
        }

        var item = new SingleItemDocument();
        foreach (var child in section.GetChildren())
        {
            switch (child.Key.ToUpperInvariant())
            {
                case "CATEGORY": item.Category = Scalar(child, "item.category", errors); break;
                case "QUANTITY": item.Quantity = Scalar(child, "item.quantity", errors); break;
                case "VALUE": item.Value = Scalar(child, "item.value", errors); break;
                case "SKU": item.Sku = Scalar(child, "item.sku", errors); break;
                default: errors.Add(Unknown("item." + child.Key, "item", "category, quantity, value, sku")); break;
            }
        }

        return item;
    }

    private static ItemsDocument? ReadItems(IConfigurationSection section, List<ConversionMappingError> errors)
    {
        if (!IsSection(section, "items", errors))
        {
            return null;
        }

        var items = new ItemsDocument();
        foreach (var child in section.GetChildren())
        {
            switch (child.Key.ToUpperInvariant())
            {
                case "COLUMN": items.Column = Scalar(child, "items.column", errors); break;
                case "CATEGORY": items.Category = Scalar(child, "items.category", errors); break;
                case "QUANTITY": items.Quantity = Scalar(child, "items.quantity", errors); break;
                case "VALUE": items.Value = Scalar(child, "items.value", errors); break;
                case "SKU": items.Sku = Scalar(child, "items.sku", errors); break;
                case "CUSTOM": items.Custom = ReadCustom(child, "items.custom", errors); break;
                default: errors.Add(Unknown("items." + child.Key, "items", "column, category, quantity, value, sku, custom")); break;
            }
        }

        return items;
    }

    private static List<KeyValuePair<string, string?>>? ReadCustom(IConfigurationSection section, string entry, List<ConversionMappingError> errors)
    {
        if (!IsSection(section, entry, errors))
        {
            return null;
        }

        var custom = new List<KeyValuePair<string, string?>>();
        foreach (var child in section.GetChildren())
        {
            custom.Add(new KeyValuePair<string, string?>(child.Key, Scalar(child, entry + "." + child.Key, errors)));
        }

        return custom;
    }

    /// <summary>A column name; a JSON <c>null</c> (no value, no children) leaves the field unmapped.</summary>
    private static string? Scalar(IConfigurationSection section, string entry, List<ConversionMappingError> errors)
    {
        if (section.GetChildren().Any())
        {
            errors.Add(new ConversionMappingError(entry, "Expected a column name, found a section."));
            return null;
        }

        return section.Value;
    }

    private static bool IsSection(IConfigurationSection section, string entry, List<ConversionMappingError> errors)
    {
        if (section.Value is { Length: > 0 })
        {
            errors.Add(new ConversionMappingError(entry, $"Expected a section, found the value '{section.Value}'."));
            return false;
        }

        return true;
    }

    private static ConversionMappingError Unknown(string entry, string where, string expected) =>
        new(entry, $"'{entry[(entry.LastIndexOf('.') + 1)..]}' is not a setting of {where}; expected one of: {expected}.");
}
