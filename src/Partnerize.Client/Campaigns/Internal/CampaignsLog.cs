using Microsoft.Extensions.Logging;

namespace Partnerize.Client.Campaigns.Internal;

/// <summary>The management API's log events (IDs 100-199). Healthy operations log at Debug or below.</summary>
internal static partial class CampaignsLog
{
    [LoggerMessage(EventId = 100, EventName = "ListingCampaigns", Level = LogLevel.Debug, Message = "Listing Partnerize campaigns")]
    public static partial void ListingCampaigns(ILogger logger);

    [LoggerMessage(EventId = 101, EventName = "CampaignsListed", Level = LogLevel.Debug, Message = "Listed {CampaignCount} Partnerize campaigns from {PageCount} pages")]
    public static partial void CampaignsListed(ILogger logger, int campaignCount, int pageCount);

    [LoggerMessage(EventId = 102, EventName = "CampaignPageReceived", Level = LogLevel.Trace, Message = "Received page {PageNumber} of the Partnerize campaign list with {CampaignCount} campaigns")]
    public static partial void CampaignPageReceived(ILogger logger, int pageNumber, int campaignCount);

    [LoggerMessage(EventId = 103, EventName = "GettingCampaign", Level = LogLevel.Debug, Message = "Getting Partnerize campaign {CampaignId}")]
    public static partial void GettingCampaign(ILogger logger, string campaignId);

    [LoggerMessage(EventId = 104, EventName = "CampaignReceived", Level = LogLevel.Debug, Message = "Received Partnerize campaign {CampaignId} with status {CampaignStatus}")]
    public static partial void CampaignReceived(ILogger logger, string campaignId, string campaignStatus);

    [LoggerMessage(EventId = 110, EventName = "ApiOperationFailed", Level = LogLevel.Warning, Message = "Partnerize {Operation} failed: {ErrorKind}, HTTP status {StatusCode}, Partnerize error code {ErrorCode}")]
    public static partial void ApiOperationFailed(ILogger logger, string operation, PartnerizeApiErrorKind errorKind, int? statusCode, string? errorCode, Exception exception);

    [LoggerMessage(EventId = 111, EventName = "ApiNotConfigured", Level = LogLevel.Warning, Message = "Partnerize {Operation} cannot run: the Partnerize settings are incomplete or invalid (keys missing?)")]
    public static partial void ApiNotConfigured(ILogger logger, string operation, Exception exception);

    [LoggerMessage(EventId = 112, EventName = "ApiOperationCancelled", Level = LogLevel.Debug, Message = "Partnerize {Operation} was cancelled")]
    public static partial void ApiOperationCancelled(ILogger logger, string operation);

    [LoggerMessage(EventId = 120, EventName = "ConnectionTestSucceeded", Level = LogLevel.Debug, Message = "Partnerize connection test passed: {AccountCount} accounts, {CampaignCount} campaigns")]
    public static partial void ConnectionTestSucceeded(ILogger logger, int? accountCount, int? campaignCount);

    [LoggerMessage(EventId = 121, EventName = "ConnectionTestFailed", Level = LogLevel.Warning, Message = "Partnerize connection test failed ({ConnectionTestStatus}): {ConnectionTestMessage}")]
    public static partial void ConnectionTestFailed(ILogger logger, ConnectionTestStatus connectionTestStatus, string connectionTestMessage);

    [LoggerMessage(EventId = 130, EventName = "RetryingRequest", Level = LogLevel.Debug, Message = "Retrying Partnerize {Endpoint} (retry {RetryNumber}) in {RetryDelayMs} ms after {Outcome}; wait asked by the server: {ServerAskedWait}")]
    public static partial void RetryingRequest(ILogger logger, string endpoint, int retryNumber, double retryDelayMs, string outcome, bool serverAskedWait);

    [LoggerMessage(EventId = 150, EventName = "CredentialsWithheld", Level = LogLevel.Debug, Message = "Not sending Partnerize API credentials to {Host}: it is not the configured API host")]
    public static partial void CredentialsWithheld(ILogger logger, string host);
}
