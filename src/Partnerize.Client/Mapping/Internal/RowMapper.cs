using System.Collections;
using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Partnerize.Client.Conversions;

namespace Partnerize.Client.Mapping.Internal;

/// <summary>
/// The per-row work of a <see cref="ConversionMapping"/>: reads each mapped column once and fills a draft. Everything
/// that does not depend on the row (columns by slot, field paths, the column of each field) is computed once, here.
/// </summary>
internal sealed class RowMapper
{
    public const int ItemCategoryKey = 0;
    public const int ItemQuantityKey = 1;
    public const int ItemValueKey = 2;
    public const int ItemSkuKey = 3;
    public const int FirstItemCustomKey = 4;

    private readonly string[] _paths;
    private readonly string[] _customNames;
    private readonly string? _itemsColumn;
    private readonly string[] _itemKeys;
    private readonly string[] _itemCustomNames;
    private readonly bool _hasSingleItem;

    /// <param name="columns">The source column of each slot (<see cref="MappingSlots"/>), <see langword="null"/> where unmapped.</param>
    /// <param name="customNames">The basket custom parameter names, in slot order from <see cref="MappingSlots.FirstCustom"/>.</param>
    /// <param name="itemKeys">The items entry keys: category, quantity, value, SKU, then the item custom parameters' keys.</param>
    /// <param name="itemCustomNames">The item custom parameter names, in the order of their keys.</param>
    public RowMapper(string?[] columns, string[] customNames, string[] itemKeys, string[] itemCustomNames)
    {
        Columns = columns;
        _customNames = customNames;
        _itemKeys = itemKeys;
        _itemCustomNames = itemCustomNames;
        _itemsColumn = columns[MappingSlots.Items];
        _hasSingleItem = columns[MappingSlots.ItemCategory] is not null || columns[MappingSlots.ItemQuantity] is not null
            || columns[MappingSlots.ItemValue] is not null || columns[MappingSlots.ItemSku] is not null;

        _paths = new string[columns.Length];
        MappingSlots.Paths.CopyTo(_paths, 0);
        for (var i = 0; i < customNames.Length; i++)
        {
            _paths[MappingSlots.FirstCustom + i] = "custom." + customNames[i];
        }

        var sourceColumns = new Dictionary<string, string>(columns.Length, StringComparer.Ordinal);
        for (var slot = 0; slot < columns.Length; slot++)
        {
            if (columns[slot] is { } column)
            {
                sourceColumns[_paths[slot]] = column;
            }
        }

        SourceColumns = sourceColumns.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The source column of each slot, <see langword="null"/> where unmapped.</summary>
    public string?[] Columns { get; }

    /// <summary>Field path to source column, shared by every draft of the mapping.</summary>
    public IReadOnlyDictionary<string, string> SourceColumns { get; }

    public ConversionDraft Map<TSource>(ref TSource source)
        where TSource : struct, IValueSource
    {
        List<ConversionRejection>? problems = null;

        // Read in the validator's field order, so that a row's rejections come in one predictable order.
        var conversionRef = Read(ref source, MappingSlots.ConversionRef, ref problems);
        var clickRef = Read(ref source, MappingSlots.ClickRef, ref problems);
        var currency = Read(ref source, MappingSlots.Currency, ref problems);
        var country = Read(ref source, MappingSlots.Country, ref problems);
        var customerType = Read(ref source, MappingSlots.CustomerType, ref problems);
        var voucher = Read(ref source, MappingSlots.Voucher, ref problems);
        var customerRef = Read(ref source, MappingSlots.CustomerRef, ref problems);
        var fulfilmentDate = Read(ref source, MappingSlots.FulfilmentDate, ref problems);
        var conversionTime = Read(ref source, MappingSlots.ConversionTime, ref problems);

        CustomParameter[]? custom = null;
        if (_customNames.Length > 0)
        {
            custom = new CustomParameter[_customNames.Length];
            for (var i = 0; i < custom.Length; i++)
            {
                custom[i] = new CustomParameter(_customNames[i], Read(ref source, MappingSlots.FirstCustom + i, ref problems));
            }
        }

        ConversionItemDraft?[]? items = null;
        var itemsUnreadable = false;
        if (_itemsColumn is not null)
        {
            items = ReadItems(source.Read(_itemsColumn, MappingSlots.Items), ref problems, out itemsUnreadable);
        }

        // Contract 1.5: a non-empty items array wins, so the single-item columns are not even read (a bad value there
        // must not reject a row that does not use it). After an unreadable array, they would only add noise.
        ConversionItemDraft? item = null;
        if (_hasSingleItem && !itemsUnreadable && (items is null || items.Length == 0))
        {
            var category = Read(ref source, MappingSlots.ItemCategory, ref problems);
            var quantity = Read(ref source, MappingSlots.ItemQuantity, ref problems);
            var value = Read(ref source, MappingSlots.ItemValue, ref problems);
            var sku = Read(ref source, MappingSlots.ItemSku, ref problems);
            if (category is not null || quantity is not null || value is not null || sku is not null)
            {
                item = new ConversionItemDraft { Category = category, Quantity = quantity, Value = value, Sku = sku };
            }
        }

        return new ConversionDraft
        {
            ConversionRef = conversionRef,
            ClickRef = clickRef,
            Item = item,
            Items = items,
            Currency = currency,
            Country = country,
            CustomerType = customerType,
            Voucher = voucher,
            CustomerRef = customerRef,
            FulfilmentDate = fulfilmentDate,
            ConversionTime = conversionTime,
            CustomParameters = custom,
            MappingRejections = problems?.ToArray(),
            SourceColumns = SourceColumns,
        };
    }

    private string? Read<TSource>(ref TSource source, int slot, ref List<ConversionRejection>? problems)
        where TSource : struct, IValueSource
    {
        if (Columns[slot] is not { } column)
        {
            return null;
        }

        var cell = source.Read(column, slot);
        var rule = slot < MappingSlots.FirstCustom ? MappingSlots.Rules[slot] : ValueRule.Custom;
        if (CellConverter.TryConvert(cell, rule, out var text))
        {
            return text;
        }

        var field = _paths[slot];
        Add(ref problems, new ConversionRejection(RejectionCodes.ValueUnreadable, field,
            MappingMessages.Unreadable(MappingMessages.ColumnSource(column), cell, rule, field), null, column));
        return null;
    }

    private ConversionItemDraft?[]? ReadItems(in Cell cell, ref List<ConversionRejection>? problems, out bool unreadable)
    {
        var before = problems?.Count ?? 0;
        var items = cell.Kind switch
        {
            CellKind.Missing or CellKind.Null => null,
            CellKind.Text => FromText(cell.Text, ref problems),
            CellKind.Json when cell.Json.ValueKind == JsonValueKind.String => FromText(cell.Json.GetString()!, ref problems),
            CellKind.Json => FromJson(cell.Json, ref problems),
            CellKind.Other when cell.Reference is IEnumerable list && IsList(list) => FromList(list, ref problems),
            _ => Unreadable(cell, ref problems),
        };

        // Only a problem with the column as a whole hides the single-item fields; a bad entry is one item among others.
        unreadable = items is null && (problems?.Count ?? 0) > before;
        return items;
    }

    private ConversionItemDraft?[]? Unreadable(in Cell cell, ref List<ConversionRejection>? problems)
    {
        AddItemsProblem(ref problems, MappingMessages.ItemsUnreadable(_itemsColumn!, cell));
        return null;
    }

    // A single dictionary or a byte array is enumerable too, but it is not a list of entries.
    private static bool IsList(IEnumerable value) => value is not (IDictionary or byte[])
        && value is not IReadOnlyDictionary<string, object?> && value is not IDictionary<string, object?>;

    private ConversionItemDraft?[]? FromText(string text, ref List<ConversionRejection>? problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException exception)
        {
            AddItemsProblem(ref problems, MappingMessages.ItemsNotJson(_itemsColumn!, text, exception));
            return null;
        }

        // The entries' values are copied out as strings, so the document can go back to the pool straight away.
        using (document)
        {
            return FromJson(document.RootElement, ref problems);
        }
    }

    private ConversionItemDraft?[]? FromJson(JsonElement value, ref List<ConversionRejection>? problems)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            AddItemsProblem(ref problems, MappingMessages.ItemsNotArray(_itemsColumn!, value));
            return null;
        }

        var items = new ConversionItemDraft?[value.GetArrayLength()];
        var index = 0;
        foreach (var entry in value.EnumerateArray())
        {
            items[index] = entry.ValueKind switch
            {
                JsonValueKind.Object => MapEntry(new JsonSource(entry), index, ref problems),
                JsonValueKind.Null => null,
                _ => NotAnObject(index, MappingMessages.Describe(Cell.FromJson(entry)), ref problems),
            };
            index++;
        }

        return items;
    }

    private ConversionItemDraft?[] FromList(IEnumerable list, ref List<ConversionRejection>? problems)
    {
        var items = list is ICollection collection ? new List<ConversionItemDraft?>(collection.Count) : [];
        foreach (var entry in list)
        {
            var index = items.Count;
            items.Add(entry switch
            {
                null or DBNull => null,
                IReadOnlyDictionary<string, object?> dictionary => MapEntry(new DictionarySource<object?>(dictionary), index, ref problems),
                IDictionary<string, object?> dictionary => MapEntry(new ObjectDictionarySource(dictionary), index, ref problems),
                IDictionary dictionary => MapEntry(new ObjectDictionarySource(dictionary), index, ref problems),
                JsonElement { ValueKind: JsonValueKind.Object } json => MapEntry(new JsonSource(json), index, ref problems),
                JsonElement { ValueKind: JsonValueKind.Null } => null,
                _ => NotAnObject(index, MappingMessages.Describe(Cell.FromObject(entry)), ref problems),
            });
        }

        return items.ToArray();
    }

    private ConversionItemDraft? NotAnObject(int index, string description, ref List<ConversionRejection>? problems)
    {
        Add(ref problems, new ConversionRejection(RejectionCodes.ValueUnreadable, ItemPath(index),
            MappingMessages.ItemEntryNotObject(_itemsColumn!, index, description), index, _itemsColumn));
        return null;
    }

    private ConversionItemDraft MapEntry<TEntry>(TEntry entry, int index, ref List<ConversionRejection>? problems)
        where TEntry : struct, IValueSource
    {
        CustomParameter[]? custom = null;
        if (_itemCustomNames.Length > 0)
        {
            custom = new CustomParameter[_itemCustomNames.Length];
            for (var i = 0; i < custom.Length; i++)
            {
                var name = _itemCustomNames[i];
                custom[i] = new CustomParameter(name, ReadEntry(ref entry, FirstItemCustomKey + i, "custom." + name, ValueRule.Custom, index, ref problems));
            }
        }

        return new ConversionItemDraft
        {
            Category = ReadEntry(ref entry, ItemCategoryKey, ParameterNames.Category, ValueRule.Text, index, ref problems),
            Quantity = ReadEntry(ref entry, ItemQuantityKey, ParameterNames.Quantity, ValueRule.Number, index, ref problems),
            Value = ReadEntry(ref entry, ItemValueKey, ParameterNames.Value, ValueRule.Number, index, ref problems),
            Sku = ReadEntry(ref entry, ItemSkuKey, ParameterNames.Sku, ValueRule.Text, index, ref problems),
            CustomParameters = custom,
        };
    }

    private string? ReadEntry<TEntry>(ref TEntry entry, int keyIndex, string field, ValueRule rule, int index, ref List<ConversionRejection>? problems)
        where TEntry : struct, IValueSource
    {
        var key = _itemKeys[keyIndex];
        var cell = entry.Read(key, keyIndex);
        if (CellConverter.TryConvert(cell, rule, out var text))
        {
            return text;
        }

        var path = ItemPath(index) + "." + field;
        Add(ref problems, new ConversionRejection(RejectionCodes.ValueUnreadable, path,
            MappingMessages.Unreadable(MappingMessages.EntrySource(_itemsColumn!, index, key), cell, rule, path), index, _itemsColumn));
        return null;
    }

    private void AddItemsProblem(ref List<ConversionRejection>? problems, string message) =>
        Add(ref problems, new ConversionRejection(RejectionCodes.ValueUnreadable, "items", message, null, _itemsColumn));

    private static string ItemPath(int index) => "items[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static void Add(ref List<ConversionRejection>? problems, ConversionRejection rejection) =>
        (problems ??= new List<ConversionRejection>(2)).Add(rejection);
}
