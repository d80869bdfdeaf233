using System.Text.Json;
using System.Text.Json.Serialization;

namespace Partnerize.Cli;

/// <summary>Source-generated JSON metadata for what the tool reads and writes.</summary>
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
