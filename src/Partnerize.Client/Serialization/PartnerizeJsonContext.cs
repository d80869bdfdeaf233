using System.Text.Json.Serialization;
using Partnerize.Client.Campaigns;

namespace Partnerize.Client.Serialization;

/// <summary>
/// The System.Text.Json metadata (source-generated, trimming and AOT safe) of the management API's payloads and of the
/// library's printable results. Wire names are snake_case; unknown fields are ignored.
/// </summary>
/// <example>
/// Print campaigns as JSON, e.g. for a <c>--json</c> option:
/// <code>
/// string json = JsonSerializer.Serialize(campaigns, PartnerizeJsonContext.Default.IReadOnlyListCampaign);
/// </code>
/// </example>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    PropertyNameCaseInsensitive = true,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(UserAccountsResponse))]
[JsonSerializable(typeof(CampaignListResponse))]
[JsonSerializable(typeof(CampaignResponse))]
[JsonSerializable(typeof(IReadOnlyList<Campaign>))]
[JsonSerializable(typeof(ConnectionTestResult))]
public sealed partial class PartnerizeJsonContext : JsonSerializerContext;
