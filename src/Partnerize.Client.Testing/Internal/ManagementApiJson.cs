using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Partnerize.Client.Testing.Internal;

/// <summary>Writes the fake management API's answers as Partnerize's JSON (contract section 2), by hand, without models.</summary>
internal static class ManagementApiJson
{
    public static string Account(string userName) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("user_accounts");
        json.WriteStartObject();
        json.WriteStartObject("user_account");
        json.WriteString("user_id", "1");
        json.WriteString("username", userName);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteNumber("count", 1);
        json.WriteEndObject();
    });

    public static string Campaign(FakeCampaign campaign) => Write(json =>
    {
        json.WriteStartObject();
        WriteCampaign(json, campaign);
        json.WriteEndObject();
    });

    public static string CampaignPage(IReadOnlyList<FakeCampaign> campaigns, int offset, int limit)
    {
        var end = Math.Min(campaigns.Count, offset + limit);
        return Write(json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("campaigns");
            for (var i = offset; i < end; i++)
            {
                json.WriteStartObject();
                WriteCampaign(json, campaigns[i]);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("count", campaigns.Count);
            json.WriteNumber("offset", offset);
            json.WriteNumber("limit", limit);
            json.WriteStartObject("hypermedia");
            json.WriteStartObject("pagination");
            WritePage(json, "next_page", end < campaigns.Count ? end : null, limit);
            WritePage(json, "previous_page", offset > 0 ? Math.Max(0, offset - limit) : null, limit);
            json.WriteNumber("total_item_count", campaigns.Count);
            json.WriteNumber("total_page_count", (campaigns.Count + limit - 1) / limit);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    public static string Error(int statusCode, string title, string message, string type) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteStartObject("error");
        json.WriteString("message", title);
        json.WriteString("code", statusCode.ToString(CultureInfo.InvariantCulture));
        json.WriteStartArray("errors");
        json.WriteStartObject();
        json.WriteString("message", message);
        json.WriteString("type", type);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    });

    private static void WritePage(Utf8JsonWriter json, string name, int? offset, int limit)
    {
        if (offset is { } value)
        {
            json.WriteString(name, string.Create(CultureInfo.InvariantCulture, $"/campaign?offset={value}&limit={limit}"));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteCampaign(Utf8JsonWriter json, FakeCampaign campaign)
    {
        json.WriteStartObject("campaign");
        json.WriteString("campaign_id", campaign.CampaignId);
        WriteIfSet(json, "advertiser_id", campaign.AdvertiserId);
        json.WriteString("title", campaign.Title);
        WriteIfSet(json, "status", campaign.Status);
        WriteIfSet(json, "default_currency", campaign.DefaultCurrency);
        WriteIfSet(json, "tracking_method", campaign.TrackingMethod);
        WriteIfSet(json, "test_mode", campaign.TestMode);
        WriteIfSet(json, "unique_conversion_refs", campaign.UniqueConversionRefs);
        WriteIfSet(json, "conversion_type", campaign.ConversionType);
        WriteIfSet(json, "reporting_timezone", campaign.ReportingTimezone);
        json.WriteEndObject();
    }

    private static void WriteIfSet(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
