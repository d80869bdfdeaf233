using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Partnerize.Client.Conversions;
using Partnerize.Client.Mapping.Internal;

namespace Partnerize.Client.Mapping;

/// <summary>
/// Says which source column feeds which Partnerize conversion field, and turns rows into <see cref="ConversionDraft"/>s:
/// one draft per row, in order, ready for <see cref="IConversionValidator"/> or the tracker.
/// </summary>
/// <remarks>
/// <para>Define a mapping in code (<see cref="CreateBuilder"/>), from JSON (<see cref="FromJson"/>, <see cref="LoadAsync"/>,
/// <see cref="LoadFileAsync"/>) or from configuration (<see cref="FromConfiguration"/>). A definition that is itself wrong
/// is refused there, with a <see cref="ConversionMappingException"/> naming each bad entry, before any row is read.</para>
/// <para>Rows can be dictionaries, data records (streamed from any ADO.NET reader) or JSON objects. Column names match
/// case-insensitively; a mapped column missing from a row counts as empty. Values are converted with the invariant
/// culture; a value that cannot be read (a byte array, a date where a number is expected, malformed items JSON) does
/// not throw: the draft carries it in <see cref="ConversionDraft.MappingRejections"/>, and validation rejects the row
/// naming the column and the value.</para>
/// <para>Immutable and thread-safe: one mapping can map many readers at once.</para>
/// </remarks>
public sealed class ConversionMapping
{
    private readonly RowMapper _mapper;

    internal ConversionMapping(
        string conversionRef,
        string clickRef,
        SingleItemMapping? item,
        ItemsMapping? items,
        string? currency,
        string? country,
        string? customerType,
        string? voucher,
        string? customerRef,
        string? fulfilmentDate,
        string? conversionTime,
        IReadOnlyList<CustomParameterMapping> custom,
        RowMapper mapper)
    {
        ConversionRef = conversionRef;
        ClickRef = clickRef;
        Item = item;
        Items = items;
        Currency = currency;
        Country = country;
        CustomerType = customerType;
        Voucher = voucher;
        CustomerRef = customerRef;
        FulfilmentDate = fulfilmentDate;
        ConversionTime = conversionTime;
        Custom = custom;
        _mapper = mapper;
        RequiredColumns = FindRequiredColumns(conversionRef, clickRef, item, items);
    }

    /// <summary>The column of the conversion reference (order ID).</summary>
    public string ConversionRef { get; }

    /// <summary>The column of the click reference.</summary>
    public string ClickRef { get; }

    /// <summary>The columns of the single-item fields, or <see langword="null"/> when none is mapped.</summary>
    public SingleItemMapping? Item { get; }

    /// <summary>The items column and its inline mapper, or <see langword="null"/> when not mapped.</summary>
    public ItemsMapping? Items { get; }

    /// <summary>The column of the ISO 4217 currency code, or <see langword="null"/>.</summary>
    public string? Currency { get; }

    /// <summary>The column of the ISO 3166-1 alpha-2 country code, or <see langword="null"/>.</summary>
    public string? Country { get; }

    /// <summary>The column of the customer type (<c>new</c> or <c>existing</c>), or <see langword="null"/>.</summary>
    public string? CustomerType { get; }

    /// <summary>The column of the voucher code, or <see langword="null"/>.</summary>
    public string? Voucher { get; }

    /// <summary>The column of your customer reference, or <see langword="null"/>.</summary>
    public string? CustomerRef { get; }

    /// <summary>The column of the fulfilment date, or <see langword="null"/>.</summary>
    public string? FulfilmentDate { get; }

    /// <summary>The column of the conversion time, or <see langword="null"/>.</summary>
    public string? ConversionTime { get; }

    /// <summary>Basket-level custom parameters and their columns, in their mapped order.</summary>
    public IReadOnlyList<CustomParameterMapping> Custom { get; }

    /// <summary>
    /// The source column of each mapped field, keyed by field path (<c>conversionRef</c>, <c>item.quantity</c>,
    /// <c>custom.check_in_date</c>, <c>items</c>); the same instance every draft carries in
    /// <see cref="ConversionDraft.SourceColumns"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> SourceColumns => _mapper.SourceColumns;

    /// <summary>Starts a mapping in code.</summary>
    /// <returns>A new builder.</returns>
    public static ConversionMappingBuilder CreateBuilder() => new();

    /// <summary>Reads a mapping from JSON text (see docs/mapping.md for the shape).</summary>
    /// <param name="json">The JSON object.</param>
    /// <returns>The mapping.</returns>
    /// <exception cref="ConversionMappingException">The text is not JSON, has an unknown or mistyped entry, or the mapping is wrong.</exception>
    public static ConversionMapping FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return MappingJson.Compile(json);
    }

    /// <summary>Reads a mapping from a UTF-8 JSON stream.</summary>
    /// <param name="utf8Json">The stream; left open.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The mapping.</returns>
    /// <exception cref="ConversionMappingException">The text is not JSON, has an unknown or mistyped entry, or the mapping is wrong.</exception>
    public static async Task<ConversionMapping> LoadAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);

        // A mapping is small: read it whole, so that its problems can be reported with their lines and positions.
        using var buffer = new MemoryStream();
        await utf8Json.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return MappingJson.Compile(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    /// <summary>Reads a mapping from a UTF-8 JSON file.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The mapping.</returns>
    /// <exception cref="ConversionMappingException">The file is not JSON, has an unknown or mistyped entry, or the mapping is wrong.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static async Task<ConversionMapping> LoadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            return await LoadAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads a mapping from a configuration section with the JSON shape, e.g. <c>configuration.GetSection("Partnerize:Mapping")</c>.
    /// </summary>
    /// <param name="section">The section holding the mapping.</param>
    /// <returns>The mapping.</returns>
    /// <remarks>Configuration sorts keys, so custom parameters come in key order rather than as written.</remarks>
    /// <exception cref="ConversionMappingException">The section has an unknown or mistyped entry, or the mapping is wrong.</exception>
    public static ConversionMapping FromConfiguration(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var errors = new List<ConversionMappingError>();
        var document = MappingConfigurationReader.Read(section, errors);
        return MappingCompiler.Compile(document, errors);
    }

    /// <summary>Writes the mapping as JSON, in the shape <see cref="FromJson"/> reads.</summary>
    /// <returns>Indented JSON.</returns>
    public string ToJson() => JsonSerializer.Serialize(MappingCompiler.ToDocument(this), MappingJsonContext.Default.MappingDocument);

    /// <summary>Maps one row held as a dictionary (column name to value).</summary>
    /// <typeparam name="TValue">
    /// The dictionary's value type: usually <see cref="object"/> (nullable or not, e.g. Dapper rows), or <see cref="string"/>
    /// for CSV rows, or <see cref="JsonElement"/>.
    /// </typeparam>
    /// <param name="row">The row; names match case-insensitively.</param>
    /// <returns>The row's draft.</returns>
    public ConversionDraft Map<TValue>(IReadOnlyDictionary<string, TValue> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var source = new DictionarySource<TValue>(row);
        return _mapper.Map(ref source);
    }

    /// <summary>Maps rows held as dictionaries, lazily, one draft per row in order.</summary>
    /// <typeparam name="TValue">The dictionaries' value type.</typeparam>
    /// <param name="rows">The rows.</param>
    /// <returns>The drafts.</returns>
    public IEnumerable<ConversionDraft> Map<TValue>(IEnumerable<IReadOnlyDictionary<string, TValue>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return MapRows(rows);
    }

    /// <summary>Maps one row held as a JSON object (property name to value).</summary>
    /// <param name="row">A JSON object; names match case-insensitively.</param>
    /// <returns>The row's draft.</returns>
    /// <exception cref="ArgumentException"><paramref name="row"/> is not a JSON object.</exception>
    public ConversionDraft Map(JsonElement row)
    {
        if (row.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"A row must be a JSON object; got a JSON {MappingMessages.Name(row.ValueKind)}.", nameof(row));
        }

        var source = new JsonSource(row);
        return _mapper.Map(ref source);
    }

    /// <summary>Maps rows held as JSON objects (e.g. <c>document.RootElement.EnumerateArray()</c>), lazily, in order.</summary>
    /// <param name="rows">The JSON objects.</param>
    /// <returns>The drafts.</returns>
    public IEnumerable<ConversionDraft> Map(IEnumerable<JsonElement> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return MapRows(rows);
    }

    /// <summary>
    /// Streams a data reader: reads it to the end, one draft per row in order. Column ordinals are resolved once, from
    /// the reader's schema, when enumeration starts; keep the reader open until the enumeration ends.
    /// </summary>
    /// <param name="reader">An open reader positioned before its first row.</param>
    /// <returns>The drafts, produced as rows are read.</returns>
    public IEnumerable<ConversionDraft> Map(IDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return MapReader(reader);
    }

    /// <summary>
    /// Streams a data reader asynchronously (<see cref="DbDataReader.ReadAsync(CancellationToken)"/>): one draft per row
    /// in order, with the column ordinals resolved once.
    /// </summary>
    /// <param name="reader">An open reader positioned before its first row.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The drafts, produced as rows are read.</returns>
    public IAsyncEnumerable<ConversionDraft> MapAsync(DbDataReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return MapReaderAsync(reader, cancellationToken);
    }

    /// <summary>
    /// Maps the current row of a data record. The column ordinals are looked up on every call: to map many rows, use
    /// <see cref="Map(IDataReader)"/> or <see cref="MapAsync"/>, which look them up once.
    /// </summary>
    /// <param name="record">The record, positioned on a row.</param>
    /// <returns>The row's draft.</returns>
    public ConversionDraft MapRecord(IDataRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var source = new DataRecordSource(record, DataRecordSource.ResolveOrdinals(record, _mapper.Columns));
        return _mapper.Map(ref source);
    }

    /// <summary>
    /// Lists the mapped columns a reader does not have (ignoring case). They count as empty in every row, so a name
    /// misspelt in the mapping silently drops an optional field: check before a large sync.
    /// </summary>
    /// <param name="record">A reader or record whose schema is known.</param>
    /// <returns>The missing column names, in mapping order; empty when every mapped column is present.</returns>
    public IReadOnlyList<string> GetMissingColumns(IDataRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var ordinals = DataRecordSource.ResolveOrdinals(record, _mapper.Columns);
        var missing = new List<string>();
        for (var slot = 0; slot < ordinals.Length; slot++)
        {
            if (ordinals[slot] < 0 && _mapper.Columns[slot] is { } column && !missing.Contains(column, StringComparer.OrdinalIgnoreCase))
            {
                missing.Add(column);
            }
        }

        return missing;
    }

    /// <summary>
    /// Lists the mapped columns missing from a source with the given column names (a file's header, a query's columns),
    /// ignoring case. They count as empty in every row: when one of <see cref="RequiredColumns"/> is missing every row
    /// is rejected, and any other missing column silently drops its field.
    /// </summary>
    /// <param name="columnNames">The source's column names.</param>
    /// <returns>The missing column names, in mapping order; empty when every mapped column is present.</returns>
    public IReadOnlyList<string> GetMissingColumns(IEnumerable<string> columnNames)
    {
        ArgumentNullException.ThrowIfNull(columnNames);
        var present = new HashSet<string>(columnNames, StringComparer.OrdinalIgnoreCase);
        var missing = new List<string>();
        foreach (var column in _mapper.Columns)
        {
            if (column is not null && !present.Contains(column) && !missing.Contains(column, StringComparer.OrdinalIgnoreCase))
            {
                missing.Add(column);
            }
        }

        return missing;
    }

    /// <summary>
    /// The columns without which no row can be sent: the conversion and click references; the single-item category and
    /// quantity when no items column is mapped; the items column when no single-item category or quantity is mapped.
    /// (When both are mapped, each row takes its items from either, so neither alone is required.)
    /// </summary>
    public IReadOnlyList<string> RequiredColumns { get; }

    private static string[] FindRequiredColumns(string conversionRef, string clickRef, SingleItemMapping? item, ItemsMapping? items)
    {
        var required = new List<string> { conversionRef, clickRef };
        if (items is null)
        {
            required.AddRange(new[] { item?.Category, item?.Quantity }.OfType<string>());
        }
        else if (item?.Category is null && item?.Quantity is null)
        {
            required.Add(items.Column);
        }

        return [.. required.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private IEnumerable<ConversionDraft> MapRows<TValue>(IEnumerable<IReadOnlyDictionary<string, TValue>> rows)
    {
        foreach (var row in rows)
        {
            yield return Map(row ?? throw new ArgumentException("The rows must not contain null.", nameof(rows)));
        }
    }

    private IEnumerable<ConversionDraft> MapRows(IEnumerable<JsonElement> rows)
    {
        foreach (var row in rows)
        {
            yield return Map(row);
        }
    }

    private IEnumerable<ConversionDraft> MapReader(IDataReader reader)
    {
        var ordinals = DataRecordSource.ResolveOrdinals(reader, _mapper.Columns);
        while (reader.Read())
        {
            var source = new DataRecordSource(reader, ordinals);
            yield return _mapper.Map(ref source);
        }
    }

    private async IAsyncEnumerable<ConversionDraft> MapReaderAsync(DbDataReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ordinals = DataRecordSource.ResolveOrdinals(reader, _mapper.Columns);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var source = new DataRecordSource(reader, ordinals);
            yield return _mapper.Map(ref source);
        }
    }
}
