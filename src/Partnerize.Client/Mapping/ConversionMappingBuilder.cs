using Partnerize.Client.Mapping.Internal;

namespace Partnerize.Client.Mapping;

/// <summary>
/// Defines a <see cref="ConversionMapping"/> in code: each method names the source column of one field.
/// </summary>
/// <example>
/// <code>
/// ConversionMapping mapping = ConversionMapping.CreateBuilder()
///     .ConversionRef("order_id")
///     .ClickRef("click_ref")
///     .Items("line_items", items => items.Category("cat").Quantity("qty").Value("price"))
///     .Currency("currency")
///     .Custom("check_in_date", "check_in")
///     .Build();
/// </code>
/// </example>
/// <remarks>
/// Passing <see langword="null"/> as a column leaves the field unmapped. Nothing is checked until <see cref="Build"/>,
/// which refuses a wrong definition with every problem listed. A builder is not thread-safe; it can be reused.
/// </remarks>
public sealed class ConversionMappingBuilder
{
    private readonly MappingDocument _document = new();

    /// <summary>Maps the conversion reference (order ID). Required.</summary>
    /// <param name="column">The source column.</param>
    /// <returns>This builder.</returns>
    public ConversionMappingBuilder ConversionRef(string? column)
    {
        _document.ConversionRef = column;
        return this;
    }

    /// <summary>Maps the click reference. Required.</summary>
    /// <param name="column">The source column.</param>
    /// <returns>This builder.</returns>
    public ConversionMappingBuilder ClickRef(string? column)
    {
        _document.ClickRef = column;
        return this;
    }

    /// <summary>Maps the single item's category.</summary>
    /// <param name="column">The source column.</param>
    /// <returns>This builder.</returns>
    public ConversionMappingBuilder ItemCategory(string? column)
    {
        SingleItem().Category = column;
        return this;
    }

    /// <summary>Maps the single item's quantity.</summary>
    /// <param name="column">The source column.</param>
    /// <returns>This builder.</returns>
    public ConversionMappingBuilder ItemQuantity(string? column)
    {
        SingleItem().Quantity = column;
        return this;
    }

    /// <summary>Maps the single item's value.</summary>
    /// <param name="column">The source column.</param>
    /// <returns>This builder.</returns>
    public ConversionMappingBuilder ItemValue(string? column)
    {
        SingleItem().Value = column;
        return this;
    }

    /// <summary>Maps the single item's SKU.</summary>
    /// <param name="column">The source column.</param>
    /// <returns>This builder.</returns>
    public ConversionMappingBuilder ItemSku(string? column)
    {
        SingleItem().Sku = column;
        return this;
    }

    /// <summary>
    /// Maps the items array: a column holding entries of the shape <c>{ category, sku, value, quantity }</c>. When a row's
    /// array is non-empty it takes precedence over the single-item fields.
    /// </summary>
    /// <param name="column">The source column, or <see langword="null"/> to unmap the array.</param>
    /// <param name="configure">Renames the entry keys and adds item-level custom parameters; keys default to the field names.</param>
    /// <returns>This builder.</returns>
    public ConversionMappingBuilder Items(string? column, Action<ItemsMappingBuilder>? configure = null)
    {
        if (column is null)
        {
            _document.Items = null;
            return this;
        }

        var items = new ItemsDocument { Column = column };
        configure?.Invoke(new ItemsMappingBuilder(items));
        _document.Items = items;
        return this;
    }

    /// <summary>Maps the ISO 4217 currency code.</summary>
    /// <param name="column">The source column.</param>
    /// <returns>This builder.</returns>
    public ConversionMappingBuilder Currency(string? column)
    {
        _document.Currency = column;
        return this;
    }

    /// <summary>Maps the ISO 3166-1 alpha-2 country code.</summary>
    /// <param name="column">The source column.</param>
    /// <returns>This builder.</returns>
    public ConversionMappingBuilder Country(string? column)
    {
        _document.Country = column;
        return this;
    }

    /// <summary>Maps the customer type (<c>new</c> or <c>existing</c>).</summary>
    /// <param name="column">The source column.</param>
    /// <returns>This builder.</returns>
    public ConversionMappingBuilder CustomerType(string? column)
    {
        _document.CustomerType = column;
        return this;
    }

    /// <summary>Maps the voucher code.</summary>
    /// <param name="column">The source column.</param>
    /// <returns>This builder.</returns>
    public ConversionMappingBuilder Voucher(string? column)
    {
        _document.Voucher = column;
        return this;
    }

    /// <summary>Maps your own customer reference.</summary>
    /// <param name="column">The source column.</param>
    /// <returns>This builder.</returns>
    public ConversionMappingBuilder CustomerRef(string? column)
    {
        _document.CustomerRef = column;
        return this;
    }

    /// <summary>Maps the fulfilment date.</summary>
    /// <param name="column">The source column.</param>
    /// <returns>This builder.</returns>
    public ConversionMappingBuilder FulfilmentDate(string? column)
    {
        _document.FulfilmentDate = column;
        return this;
    }

    /// <summary>Maps the conversion time.</summary>
    /// <param name="column">The source column.</param>
    /// <returns>This builder.</returns>
    public ConversionMappingBuilder ConversionTime(string? column)
    {
        _document.ConversionTime = column;
        return this;
    }

    /// <summary>Appends a basket-level custom parameter.</summary>
    /// <param name="parameter">The parameter name: letters, digits and <c>_</c>, 1 to 64 characters, not a standard name.</param>
    /// <param name="column">The source column.</param>
    /// <returns>This builder.</returns>
    public ConversionMappingBuilder Custom(string parameter, string column)
    {
        (_document.Custom ??= []).Add(new KeyValuePair<string, string?>(parameter, column));
        return this;
    }

    /// <summary>Checks the definition and builds the mapping.</summary>
    /// <returns>The mapping.</returns>
    /// <exception cref="ConversionMappingException">The definition is wrong; the exception lists every problem.</exception>
    public ConversionMapping Build() => MappingCompiler.Compile(_document);

    private SingleItemDocument SingleItem() => _document.Item ??= new SingleItemDocument();
}
