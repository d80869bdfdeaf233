using Partnerize.Client.Conversions;
using Partnerize.Client.Conversions.Internal;

namespace Partnerize.Client.Mapping.Internal;

/// <summary>
/// Checks a <see cref="MappingDocument"/> and turns it into a <see cref="ConversionMapping"/>, or throws a
/// <see cref="ConversionMappingException"/> listing every problem. The one gate of the builder, JSON and configuration.
/// </summary>
internal static class MappingCompiler
{
    private const string DefaultCategoryKey = ParameterNames.Category;
    private const string DefaultQuantityKey = ParameterNames.Quantity;
    private const string DefaultValueKey = ParameterNames.Value;
    private const string DefaultSkuKey = ParameterNames.Sku;

    public static ConversionMapping Compile(MappingDocument document, List<ConversionMappingError>? errors = null)
    {
        errors ??= [];

        var conversionRef = Column(document.ConversionRef, "conversionRef", errors,
            "No column is mapped to the conversion reference (order ID), which every Partnerize conversion requires; map conversionRef to the column holding the order ID.");
        var clickRef = Column(document.ClickRef, "clickRef", errors,
            "No column is mapped to the click reference, which Partnerize needs to attribute a conversion; map clickRef to the column holding the click reference.");

        SingleItemMapping? item = null;
        if (document.Item is { } single)
        {
            var category = Column(single.Category, "item.category", errors);
            var quantity = Column(single.Quantity, "item.quantity", errors);
            var value = Column(single.Value, "item.value", errors);
            var sku = Column(single.Sku, "item.sku", errors);
            if (category is not null || quantity is not null || value is not null || sku is not null)
            {
                item = new SingleItemMapping(category, quantity, value, sku);
            }
        }

        ItemsMapping? items = null;
        if (document.Items is { } array)
        {
            var column = Column(array.Column, "items.column", errors,
                "The items mapping names no column; set items.column to the column holding the items array.");
            var category = Key(array.Category, "items.category", DefaultCategoryKey, errors);
            var quantity = Key(array.Quantity, "items.quantity", DefaultQuantityKey, errors);
            var value = Key(array.Value, "items.value", DefaultValueKey, errors);
            var sku = Key(array.Sku, "items.sku", DefaultSkuKey, errors);
            var itemCustom = Custom(array.Custom, "items.custom", "key inside each items entry", errors);
            items = new ItemsMapping(column ?? string.Empty, category, quantity, value, sku, itemCustom);
        }

        var currency = Column(document.Currency, "currency", errors);
        var country = Column(document.Country, "country", errors);
        var customerType = Column(document.CustomerType, "customerType", errors);
        var voucher = Column(document.Voucher, "voucher", errors);
        var customerRef = Column(document.CustomerRef, "customerRef", errors);
        var fulfilmentDate = Column(document.FulfilmentDate, "fulfilmentDate", errors);
        var conversionTime = Column(document.ConversionTime, "conversionTime", errors);
        var custom = Custom(document.Custom, "custom", "column", errors);

        if (errors.Count > 0)
        {
            throw new ConversionMappingException(errors.ToArray());
        }

        var columns = new string?[MappingSlots.FirstCustom + custom.Length];
        columns[MappingSlots.ConversionRef] = conversionRef;
        columns[MappingSlots.ClickRef] = clickRef;
        columns[MappingSlots.Currency] = currency;
        columns[MappingSlots.Country] = country;
        columns[MappingSlots.CustomerType] = customerType;
        columns[MappingSlots.Voucher] = voucher;
        columns[MappingSlots.CustomerRef] = customerRef;
        columns[MappingSlots.FulfilmentDate] = fulfilmentDate;
        columns[MappingSlots.ConversionTime] = conversionTime;
        columns[MappingSlots.ItemCategory] = item?.Category;
        columns[MappingSlots.ItemQuantity] = item?.Quantity;
        columns[MappingSlots.ItemValue] = item?.Value;
        columns[MappingSlots.ItemSku] = item?.Sku;
        columns[MappingSlots.Items] = items?.Column;
        var customNames = new string[custom.Length];
        for (var i = 0; i < custom.Length; i++)
        {
            columns[MappingSlots.FirstCustom + i] = custom[i].Source;
            customNames[i] = custom[i].Parameter;
        }

        var itemParameters = items?.Custom ?? [];
        var itemKeys = new string[RowMapper.FirstItemCustomKey + itemParameters.Count];
        var itemCustomNames = new string[itemParameters.Count];
        if (items is not null)
        {
            itemKeys[RowMapper.ItemCategoryKey] = items.Category;
            itemKeys[RowMapper.ItemQuantityKey] = items.Quantity;
            itemKeys[RowMapper.ItemValueKey] = items.Value;
            itemKeys[RowMapper.ItemSkuKey] = items.Sku;
            for (var i = 0; i < itemParameters.Count; i++)
            {
                itemKeys[RowMapper.FirstItemCustomKey + i] = itemParameters[i].Source;
                itemCustomNames[i] = itemParameters[i].Parameter;
            }
        }

        var mapper = new RowMapper(columns, customNames, itemKeys, itemCustomNames);
        return new ConversionMapping(conversionRef!, clickRef!, item, items, currency, country, customerType, voucher,
            customerRef, fulfilmentDate, conversionTime, custom, mapper);
    }

    /// <summary>Reads the definition back into its document shape (for <see cref="ConversionMapping.ToJson"/>).</summary>
    public static MappingDocument ToDocument(ConversionMapping mapping) => new()
    {
        ConversionRef = mapping.ConversionRef,
        ClickRef = mapping.ClickRef,
        Item = mapping.Item is { } item
            ? new SingleItemDocument { Category = item.Category, Quantity = item.Quantity, Value = item.Value, Sku = item.Sku }
            : null,
        Items = mapping.Items is { } items
            ? new ItemsDocument
            {
                Column = items.Column,
                Category = items.Category,
                Quantity = items.Quantity,
                Value = items.Value,
                Sku = items.Sku,
                Custom = items.Custom.Count == 0 ? null : ToPairs(items.Custom),
            }
            : null,
        Currency = mapping.Currency,
        Country = mapping.Country,
        CustomerType = mapping.CustomerType,
        Voucher = mapping.Voucher,
        CustomerRef = mapping.CustomerRef,
        FulfilmentDate = mapping.FulfilmentDate,
        ConversionTime = mapping.ConversionTime,
        Custom = mapping.Custom.Count == 0 ? null : ToPairs(mapping.Custom),
    };

    private static List<KeyValuePair<string, string?>> ToPairs(IReadOnlyList<CustomParameterMapping> custom)
    {
        var pairs = new List<KeyValuePair<string, string?>>(custom.Count);
        foreach (var (parameter, source) in custom)
        {
            pairs.Add(new KeyValuePair<string, string?>(parameter, source));
        }

        return pairs;
    }

    private static string? Column(string? column, string entry, List<ConversionMappingError> errors, string? requiredMessage = null)
    {
        if (column is null)
        {
            // An entry already refused for its shape (a section where a column name belongs) is not also "not mapped".
            if (requiredMessage is not null && !errors.Exists(error => error.Entry == entry))
            {
                errors.Add(new ConversionMappingError(entry, requiredMessage));
            }

            return null;
        }

        if (string.IsNullOrWhiteSpace(column))
        {
            errors.Add(new ConversionMappingError(entry, "The column name is empty; name the column to read, or leave the entry out to not map the field."));
            return null;
        }

        return column;
    }

    private static string Key(string? key, string entry, string defaultKey, List<ConversionMappingError> errors)
    {
        if (key is null)
        {
            return defaultKey;
        }

        if (string.IsNullOrWhiteSpace(key))
        {
            errors.Add(new ConversionMappingError(entry, $"The key name is empty; name the key of each items entry to read, or leave the entry out to use '{defaultKey}'."));
            return defaultKey;
        }

        return key;
    }

    private static CustomParameterMapping[] Custom(List<KeyValuePair<string, string?>>? entries, string prefix, string sourceKind, List<ConversionMappingError> errors)
    {
        if (entries is null || entries.Count == 0)
        {
            return [];
        }

        var custom = new List<CustomParameterMapping>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var (name, source) = entries[i];
            name ??= string.Empty;
            var entry = prefix + "." + name;
            var quoted = RejectionMessages.Quote(name);
            if (!DraftValidator.IsValidCustomKey(name))
            {
                errors.Add(new ConversionMappingError(entry, $"Custom parameter name {quoted} is not valid: use 1 to 64 letters, digits or underscores."));
            }
            else if (ParameterNames.IsStandard(name))
            {
                errors.Add(new ConversionMappingError(entry, $"Custom parameter name {quoted} is a standard Partnerize parameter name; map that field directly or choose another name."));
            }
            else if (IsRepeated(entries, i))
            {
                errors.Add(new ConversionMappingError(entry, $"Custom parameter name {quoted} is mapped more than once (names are compared ignoring case)."));
            }
            else if (string.IsNullOrWhiteSpace(source))
            {
                errors.Add(new ConversionMappingError(entry, $"Custom parameter {quoted} names no {sourceKind}; name the {sourceKind} its value comes from."));
            }
            else
            {
                custom.Add(new CustomParameterMapping(name, source));
            }
        }

        return custom.ToArray();
    }

    private static bool IsRepeated(List<KeyValuePair<string, string?>> entries, int index)
    {
        // Reported on the second and later occurrences, so each duplicate is named once.
        for (var i = 0; i < index; i++)
        {
            if (string.Equals(entries[i].Key, entries[index].Key, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
