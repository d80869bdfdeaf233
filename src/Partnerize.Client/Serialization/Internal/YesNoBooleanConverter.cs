using System.Text.Json;
using System.Text.Json.Serialization;

namespace Partnerize.Client.Serialization.Internal;

/// <summary>
/// Reads Partnerize's <c>y</c>/<c>n</c> flags (and <c>true</c>/<c>false</c>, <c>1</c>/<c>0</c>, <c>yes</c>/<c>no</c>) as a
/// boolean; any other value reads as <see langword="null"/> instead of failing. Writes <c>true</c>/<c>false</c>.
/// </summary>
internal sealed class YesNoBooleanConverter : JsonConverter<bool?>
{
    public override bool HandleNull => true;

    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var number) && number is 0 or 1 ? number == 1 : null;
            case JsonTokenType.String:
                return reader.GetString()?.Trim().ToUpperInvariant() switch
                {
                    "Y" or "YES" or "TRUE" or "1" => true,
                    "N" or "NO" or "FALSE" or "0" => false,
                    _ => null,
                };
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is { } flag)
        {
            writer.WriteBooleanValue(flag);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
