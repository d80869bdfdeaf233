using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Partnerize.Client.Diagnostics.Internal;

namespace Partnerize.Client.Campaigns.Internal;

/// <summary>
/// <see cref="ICampaignsClient"/> over <see cref="IPartnerizeApi"/>: follows pages, checks answers, logs and traces each
/// operation. Stateless: a fresh API client per operation picks up rotated keys and a changed base address.
/// </summary>
internal sealed class CampaignsClient(PartnerizeApiFactory apiFactory, ILogger<CampaignsClient> logger) : ICampaignsClient
{
    private const string ListOperation = "campaigns.list";
    private const string GetOperation = "campaigns.get";
    private const string TestOperation = "connection.test";

    public async Task<IReadOnlyList<Campaign>> ListCampaignsAsync(CancellationToken cancellationToken = default)
    {
        using var activity = StartActivity(ListOperation);
        CampaignsLog.ListingCampaigns(logger);
        try
        {
            var (campaigns, pages) = await ListAllAsync(apiFactory.Create(), cancellationToken).ConfigureAwait(false);
            activity?.SetTag(TagNames.CampaignCount, campaigns.Count);
            activity?.SetTag(TagNames.PageCount, pages);
            CampaignsLog.CampaignsListed(logger, campaigns.Count, pages);
            return campaigns;
        }
        catch (Exception exception) when (RecordFailure(activity, ListOperation, exception))
        {
            throw;
        }
    }

    public async Task<Campaign> GetCampaignAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(campaignId);
        var id = campaignId.Trim();
        using var activity = StartActivity(GetOperation);
        activity?.SetTag(TagNames.CampaignId, id);
        CampaignsLog.GettingCampaign(logger, id);
        try
        {
            var response = await apiFactory.Create().GetCampaignAsync(id, cancellationToken).ConfigureAwait(false);
            var campaign = response?.Campaign
                ?? throw PartnerizeApiErrors.InvalidAnswer($"GET /campaign/{id}", "the body has no \"campaign\" object");
            CampaignsLog.CampaignReceived(logger, campaign.CampaignId, campaign.Status.Value);
            return campaign;
        }
        catch (Exception exception) when (RecordFailure(activity, GetOperation, exception))
        {
            throw;
        }
    }

    public async Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken = default)
    {
        using var activity = StartActivity(TestOperation);
        var baseAddress = apiFactory.ApiBaseAddress;
        ConnectionTestResult result;
        try
        {
            var api = apiFactory.Create();
            var accounts = await api.GetUserAccountsAsync(cancellationToken).ConfigureAwait(false)
                ?? throw PartnerizeApiErrors.InvalidAnswer("GET /user/account", "the body is empty");
            var (campaigns, _) = await ListAllAsync(api, cancellationToken).ConfigureAwait(false);
            result = campaigns.Count == 0
                ? new ConnectionTestResult
                {
                    Status = ConnectionTestStatus.NoCampaigns,
                    Message = $"The keys are valid, but this user has no campaigns at {baseAddress}, so there is nothing to track conversions against. {ApiGuidance.CheckAccess}",
                    ApiBaseAddress = baseAddress,
                    AccountCount = accounts.UserAccounts.Count,
                    CampaignCount = 0,
                }
                : new ConnectionTestResult
                {
                    Status = ConnectionTestStatus.Connected,
                    Message = string.Create(
                        CultureInfo.InvariantCulture,
                        $"Connected to the Partnerize API at {baseAddress}: the keys are valid and {campaigns.Count} {(campaigns.Count == 1 ? "campaign is" : "campaigns are")} available."),
                    ApiBaseAddress = baseAddress,
                    AccountCount = accounts.UserAccounts.Count,
                    CampaignCount = campaigns.Count,
                };
        }
        catch (PartnerizeApiException exception)
        {
            result = FromFailure(exception, baseAddress);
        }
        catch (OptionsValidationException exception)
        {
            result = new ConnectionTestResult
            {
                Status = ConnectionTestStatus.NotConfigured,
                Message = exception.Message,
                ApiBaseAddress = baseAddress,
            };
        }
        catch (Exception exception) when (RecordFailure(activity, TestOperation, exception))
        {
            throw;
        }

        activity?.SetTag(TagNames.ConnectionStatus, result.Status.ToString());
        if (result.Succeeded)
        {
            activity?.SetTag(TagNames.CampaignCount, result.CampaignCount);
            CampaignsLog.ConnectionTestSucceeded(logger, result.AccountCount, result.CampaignCount);
        }
        else
        {
            if (result.StatusCode is { } status)
            {
                activity?.SetTag(TagNames.HttpStatusCode, (int)status);
            }

            activity?.SetStatus(ActivityStatusCode.Error, result.Status.ToString());
            CampaignsLog.ConnectionTestFailed(logger, result.Status, result.Message);
        }

        return result;
    }

    private async Task<(IReadOnlyList<Campaign> Campaigns, int Pages)> ListAllAsync(IPartnerizeApi api, CancellationToken cancellationToken)
    {
        var campaigns = new List<Campaign>();
        var visited = new HashSet<Uri>();
        var endpoint = "GET /campaign";
        var page = await api.ListCampaignsAsync(cancellationToken).ConfigureAwait(false);
        var pages = 1;
        while (true)
        {
            if (page is null)
            {
                throw PartnerizeApiErrors.InvalidAnswer(endpoint, "the body is empty");
            }

            var before = campaigns.Count;
            foreach (var entry in page.Campaigns)
            {
                if (entry?.Campaign is { } campaign)
                {
                    campaigns.Add(campaign);
                }
            }

            CampaignsLog.CampaignPageReceived(logger, pages, campaigns.Count - before);
            var nextPage = page.Hypermedia?.Pagination?.NextPage;
            if (string.IsNullOrWhiteSpace(nextPage))
            {
                return (campaigns, pages);
            }

            var next = ResolveNextPage(nextPage, apiFactory.ApiBaseAddress, endpoint);

            // A server that links a page to itself (or back) would otherwise keep the listing going for ever.
            if (!visited.Add(next))
            {
                throw PartnerizeApiErrors.InvalidAnswer(endpoint, $"next_page leads back to {next.AbsolutePath} which was already read, so the list never ends");
            }

            endpoint = "GET " + next.AbsolutePath;
            page = await api.GetCampaignPageAsync(next, cancellationToken).ConfigureAwait(false);
            pages++;
        }
    }

    private static Uri ResolveNextPage(string nextPage, Uri baseAddress, string endpoint)
    {
        if (!Uri.TryCreate(baseAddress, nextPage.Trim(), out var next))
        {
            throw PartnerizeApiErrors.InvalidAnswer(endpoint, "next_page is not a valid address");
        }

        // Pages are only followed on the API host: anywhere else would be a redirection of the listing.
        if (Uri.Compare(next, baseAddress, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw PartnerizeApiErrors.InvalidAnswer(endpoint, $"next_page points to another host ({next.GetLeftPart(UriPartial.Authority)}), which is not followed");
        }

        return next;
    }

    private static ConnectionTestResult FromFailure(PartnerizeApiException exception, Uri baseAddress)
    {
        var (status, message) = exception switch
        {
            { Kind: PartnerizeApiErrorKind.ErrorResponse, StatusCode: HttpStatusCode.Unauthorized } => (
                ConnectionTestStatus.InvalidCredentials,
                $"Partnerize rejected the keys (401 Unauthorized). {ApiGuidance.CheckKeys} {ApiGuidance.CheckAccess} {ApiGuidance.WhereKeysLive}"),
            { Kind: PartnerizeApiErrorKind.ErrorResponse, StatusCode: HttpStatusCode.Forbidden } => (
                ConnectionTestStatus.AccessDenied,
                $"Partnerize refused this user access (403 Forbidden) to {exception.Endpoint}. {ApiGuidance.CheckKeys} {ApiGuidance.CheckAccess}"),
            { Kind: PartnerizeApiErrorKind.ConnectionFailed } => (
                ConnectionTestStatus.Unreachable,
                $"Could not reach the Partnerize API at {baseAddress} ({exception.InnerException?.Message ?? "connection failed"}). Check Partnerize:ApiBaseAddress, and that this machine can reach it (DNS, proxy, firewall)."),
            { Kind: PartnerizeApiErrorKind.Timeout } => (
                ConnectionTestStatus.TimedOut,
                $"The Partnerize API at {baseAddress} did not answer in time (Partnerize:ApiTimeout per attempt, retried up to Partnerize:MaxRetryAttempts times). Try again later; if your network is slow, raise Partnerize:ApiTimeout."),
            _ => (
                ConnectionTestStatus.UnexpectedResponse,
                $"The Partnerize API at {baseAddress} answered unexpectedly. {exception.Message}"),
        };

        return new ConnectionTestResult
        {
            Status = status,
            Message = message,
            ApiBaseAddress = baseAddress,
            StatusCode = exception.StatusCode,
            ErrorCode = exception.ErrorCode,
        };
    }

    private static Activity? StartActivity(string operation) =>
        PartnerizeActivitySource.Instance.StartActivity("partnerize." + operation, ActivityKind.Internal);

    /// <summary>Logs and traces a failure as it passes; always <see langword="false"/>, so the exception keeps propagating untouched.</summary>
    private bool RecordFailure(Activity? activity, string operation, Exception exception)
    {
        switch (exception)
        {
            case OperationCanceledException:
                CampaignsLog.ApiOperationCancelled(logger, operation);
                activity?.SetStatus(ActivityStatusCode.Error, "cancelled");
                return false;
            case PartnerizeApiException api:
                CampaignsLog.ApiOperationFailed(logger, operation, api.Kind, (int?)api.StatusCode, api.ErrorCode, api);
                activity?.SetTag(TagNames.ErrorType, api.Kind.ToString());
                if (api.StatusCode is { } status)
                {
                    activity?.SetTag(TagNames.HttpStatusCode, (int)status);
                }

                break;
            case OptionsValidationException:
                CampaignsLog.ApiNotConfigured(logger, operation, exception);
                activity?.SetTag(TagNames.ErrorType, "configuration");
                break;
            default:
                activity?.SetTag(TagNames.ErrorType, exception.GetType().FullName);
                break;
        }

        activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
        return false;
    }

    private static class TagNames
    {
        public const string CampaignId = "partnerize.campaign.id";
        public const string CampaignCount = "partnerize.campaign.count";
        public const string PageCount = "partnerize.page.count";
        public const string ConnectionStatus = "partnerize.connection.status";
        public const string HttpStatusCode = "http.response.status_code";
        public const string ErrorType = "error.type";
    }
}
