using System.Net;

namespace Partnerize.Client.Campaigns;

/// <summary>
/// The answer of <see cref="ICampaignsClient.TestConnectionAsync"/>: whether the keys work and the campaigns load, or what
/// is wrong and what to do about it. <see cref="ToString"/> is the message, ready to print.
/// </summary>
public sealed record ConnectionTestResult
{
    /// <summary>The outcome.</summary>
    public required ConnectionTestStatus Status { get; init; }

    /// <summary>Whether the keys are valid and at least one campaign is available (<see cref="ConnectionTestStatus.Connected"/>).</summary>
    public bool Succeeded => Status == ConnectionTestStatus.Connected;

    /// <summary>One paragraph for people: what happened and, on failure, what to do.</summary>
    public required string Message { get; init; }

    /// <summary>The management API address tested.</summary>
    public Uri? ApiBaseAddress { get; init; }

    /// <summary>How many accounts the user has, once the keys were accepted.</summary>
    public int? AccountCount { get; init; }

    /// <summary>How many campaigns the user can see, once they were listed.</summary>
    public int? CampaignCount { get; init; }

    /// <summary>The HTTP status of the failing answer, when there was one.</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>Partnerize's own error code of the failing answer, when it sent one.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The message.</summary>
    /// <returns><see cref="Message"/>.</returns>
    public override string ToString() => Message;
}
