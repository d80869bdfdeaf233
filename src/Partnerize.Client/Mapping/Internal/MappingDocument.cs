using System.Text.Json.Serialization;

namespace Partnerize.Client.Mapping.Internal;

/// <summary>
/// A mapping definition as written (JSON file, configuration section, builder), before it is checked: the one shape
/// every way of defining a mapping fills, so that all of them are checked by the same rules.
/// </summary>
internal sealed class MappingDocument
{
    public string? ConversionRef { get; set; }

    public string? ClickRef { get; set; }

    public SingleItemDocument? Item { get; set; }

    public ItemsDocument? Items { get; set; }

    public string? Currency { get; set; }

    public string? Country { get; set; }

    public string? CustomerType { get; set; }

    public string? Voucher { get; set; }

    public string? CustomerRef { get; set; }

    public string? FulfilmentDate { get; set; }

    public string? ConversionTime { get; set; }

    [JsonConverter(typeof(CustomMapJsonConverter))]
    public List<KeyValuePair<string, string?>>? Custom { get; set; }
}
