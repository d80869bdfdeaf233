using System.Text.Json.Serialization;

namespace Partnerize.Client.Campaigns;

/// <summary>The outcome of <see cref="ICampaignsClient.TestConnectionAsync"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConnectionTestStatus>))]
public enum ConnectionTestStatus
{
    /// <summary>The keys are valid and the user's campaigns are listed.</summary>
    Connected,

    /// <summary>The keys are valid, but the user can see no campaign to track conversions against.</summary>
    NoCampaigns,

    /// <summary>Partnerize rejected the keys (401).</summary>
    InvalidCredentials,

    /// <summary>Partnerize refused the user access (403).</summary>
    AccessDenied,

    /// <summary>The API host could not be reached.</summary>
    Unreachable,

    /// <summary>The API did not answer in time.</summary>
    TimedOut,

    /// <summary>The API answered with something unexpected: another error status, or a body that is not the API's JSON.</summary>
    UnexpectedResponse,

    /// <summary>The keys are not configured.</summary>
    NotConfigured,
}
