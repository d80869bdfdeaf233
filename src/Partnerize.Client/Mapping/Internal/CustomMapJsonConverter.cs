using System.Text.Json;
using System.Text.Json.Serialization;

namespace Partnerize.Client.Mapping.Internal;

/// <summary>
/// Reads a <c>custom</c> object in document order and keeps repeated names, which a dictionary would silently merge,
/// so that the mapping rules can refuse them.
/// </summary>
internal sealed class CustomMapJsonConverter : JsonConverter<List<KeyValuePair<string, string?>>>
{
    public override List<KeyValuePair<string, string?>>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException();
        }

        var entries = new List<KeyValuePair<string, string?>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            var value = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Null => null,
                _ => throw new JsonException(),
            };
            entries.Add(new KeyValuePair<string, string?>(name, value));
        }

        return entries;
    }

    public override void Write(Utf8JsonWriter writer, List<KeyValuePair<string, string?>> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, source) in value)
        {
            writer.WriteString(name, source);
        }

        writer.WriteEndObject();
    }
}
