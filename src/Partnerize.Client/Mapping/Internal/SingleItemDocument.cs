namespace Partnerize.Client.Mapping.Internal;

/// <summary>The <c>item</c> entry of a <see cref="MappingDocument"/>: columns of the single-item fields.</summary>
internal sealed class SingleItemDocument
{
    public string? Category { get; set; }

    public string? Quantity { get; set; }

    public string? Value { get; set; }

    public string? Sku { get; set; }
}
