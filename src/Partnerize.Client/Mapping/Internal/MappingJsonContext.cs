using System.Text.Json;
using System.Text.Json.Serialization;

namespace Partnerize.Client.Mapping.Internal;

/// <summary>Source-generated JSON that writes a mapping (<see cref="ConversionMapping.ToJson"/>); files are read by <see cref="MappingJson"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(MappingDocument))]
internal sealed partial class MappingJsonContext : JsonSerializerContext
{
}
