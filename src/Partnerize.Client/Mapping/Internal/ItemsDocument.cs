using System.Text.Json.Serialization;

namespace Partnerize.Client.Mapping.Internal;

/// <summary>The <c>items</c> entry of a <see cref="MappingDocument"/>: the items column and its inline mapper.</summary>
internal sealed class ItemsDocument
{
    public string? Column { get; set; }

    public string? Category { get; set; }

    public string? Quantity { get; set; }

    public string? Value { get; set; }

    public string? Sku { get; set; }

    [JsonConverter(typeof(CustomMapJsonConverter))]
    public List<KeyValuePair<string, string?>>? Custom { get; set; }
}
