using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Partnerize.Client.Campaigns;

namespace Partnerize.Client.Serialization.Internal;

/// <summary>Reads any campaign status code, known or not, so a new status on Partnerize's side never breaks a list.</summary>
internal sealed class CampaignStatusJsonConverter : JsonConverter<CampaignStatus>
{
    public override bool HandleNull => true;

    public override CampaignStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new CampaignStatus(reader.GetString() ?? string.Empty);
            case JsonTokenType.Number:
                return new CampaignStatus(Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan));
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                reader.Skip();
                return default;
            default:
                return default;
        }
    }

    public override void Write(Utf8JsonWriter writer, CampaignStatus value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
