using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Partnerize.Client.Conversions;
using Partnerize.Client.Conversions.Internal;
using Partnerize.Client.Diagnostics.Internal;
using Polly.Timeout;

namespace Partnerize.Client.Tracking.Internal;

/// <summary>
/// Sends conversions over the <see cref="PartnerizeHttpClientNames.Tracking"/> client. Validation and URL building
/// happen here; retries, back-off and the per-attempt timeout live in the client's retry handler
/// (<see cref="TrackingRetryHandler"/>); batches run through <see cref="TrackingBatch{T}"/>.
/// </summary>
internal sealed class ConversionTracker : IConversionTracker
{
    public const int MaxResponseBodyLength = 1024;

    private const int MaxCachedUrlBuilders = 256;

    // The URL is escaped exactly as the contract requires; the Uri must not re-canonicalise it on the way out.
    private static readonly UriCreationOptions PreserveEscaping = new() { DangerousDisablePathAndQueryCanonicalization = true };

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptionsMonitor<PartnerizeOptions> _options;
    private readonly IConversionValidator _validator;
    private readonly TrackingMetrics _metrics;
    private readonly ConcurrentDictionary<(Uri BaseAddress, string CampaignId, int MaxLength), TrackingUrlBuilder> _urlBuilders = new();

    public ConversionTracker(
        IHttpClientFactory httpClientFactory,
        IOptionsMonitor<PartnerizeOptions> options,
        IConversionValidator validator,
        TrackingMetrics metrics,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
        _validator = validator;
        _metrics = metrics;
        TimeProvider = timeProvider;
        Logger = loggerFactory.CreateLogger(TrackingLog.Category);
    }

    public TimeProvider TimeProvider { get; }

    public ILogger Logger { get; }

    public Task<ConversionResult> TrackAsync(ConversionDraft draft, string? campaignId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var context = CreateContext(campaignId, nameof(campaignId));
        return SendOneAsync(context, Prepare(draft, 0, context), cancellationToken);
    }

    public Task<ConversionResult> TrackAsync(Conversion conversion, string? campaignId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversion);
        var context = CreateContext(campaignId, nameof(campaignId));
        return SendOneAsync(context, Prepare(conversion, 0, context), cancellationToken);
    }

    public IAsyncEnumerable<ConversionResult> TrackManyAsync(IAsyncEnumerable<ConversionDraft> drafts, TrackingBatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        return StartBatch(drafts, Prepare, options, cancellationToken);
    }

    public IAsyncEnumerable<ConversionResult> TrackManyAsync(IEnumerable<ConversionDraft> drafts, TrackingBatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        return StartBatch(new SyncSource<ConversionDraft>(drafts), Prepare, options, cancellationToken);
    }

    public IAsyncEnumerable<ConversionResult> TrackManyAsync(IAsyncEnumerable<Conversion> conversions, TrackingBatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversions);
        return StartBatch(conversions, Prepare, options, cancellationToken);
    }

    public IAsyncEnumerable<ConversionResult> TrackManyAsync(IEnumerable<Conversion> conversions, TrackingBatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversions);
        return StartBatch(new SyncSource<Conversion>(conversions), Prepare, options, cancellationToken);
    }

    /// <summary>Validates a draft and builds its URL; a row that cannot be sent comes back finished.</summary>
    public PreparedRow Prepare(ConversionDraft? draft, long index, TrackingContext context)
    {
        if (draft is null)
        {
            return Finished(NullRow(index, context));
        }

        // With the library's own validator the draft is validated while its URL is written, without the model; a
        // custom validator gets the draft and the URL is written from the conversion it returns.
        if (_validator is DraftValidator)
        {
            return context.UrlBuilder.TryBuild(draft, out var url, out var conversionRef, out var rejections)
                ? new PreparedRow(conversionRef, url, null)
                : Finished(Rejected(index, context, conversionRef, rejections));
        }

        var validation = _validator.Validate(draft);
        return validation.IsValid
            ? Prepare(validation.Conversion, index, context)
            : Finished(Rejected(index, context, draft.ConversionRef?.Trim(), validation.Rejections));
    }

    /// <summary>Builds the URL of a valid conversion; one too long for <see cref="PartnerizeOptions.MaxUrlLength"/> comes back rejected.</summary>
    public PreparedRow Prepare(Conversion? conversion, long index, TrackingContext context)
    {
        if (conversion is null)
        {
            return Finished(NullRow(index, context));
        }

        return context.UrlBuilder.TryBuild(conversion, out var url, out var rejection)
            ? new PreparedRow(conversion.ConversionRef, url, null)
            : Finished(Rejected(index, context, conversion.ConversionRef, [rejection]));
    }

    /// <summary>
    /// Sends one prepared conversion through the retry handler and turns whatever happens into a result.
    /// Never throws: a batch awaits these tasks and must always get a result back.
    /// </summary>
    public async Task<ConversionResult> SendAsync(TrackingContext context, long index, string conversionRef, string url, ActivityContext parent, CancellationToken cancellationToken)
    {
        var started = TimeProvider.GetTimestamp();
        using var activity = PartnerizeActivitySource.Instance.StartActivity(TrackingActivities.TrackConversion, ActivityKind.Internal, parent);
        activity?.SetTag(TrackingActivities.CampaignIdTag, context.CampaignId);

        // The exchange is awaited here rather than in a method of its own: when the answer comes back, each async layer
        // is one more allocation and one more continuation to run per row.
        var attempts = new AttemptCounter();
        Exchange exchange;
        HttpStatusCode? statusCode = null;
        string? body = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, PreserveEscaping));
            request.Options.Set(AttemptCounter.Key, attempts);
            using var response = await context.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            statusCode = response.StatusCode;
            body = await ReadBodyAsync(response, context.AttemptTimeout, cancellationToken).ConfigureAwait(false);

            if (response.IsSuccessStatusCode)
            {
                exchange = new Exchange(ConversionOutcome.Sent, statusCode, body, null);
            }
            else
            {
                // The retry strategy hands back the last answer as it stands once the caller has cancelled.
                exchange = cancellationToken.IsCancellationRequested
                    ? new Exchange(ConversionOutcome.Cancelled, statusCode, body, FailureReasons.CancelledInFlight(attempts.Count, response.StatusCode))
                    : new Exchange(ConversionOutcome.Failed, statusCode, body, FailureReasons.Status(response.StatusCode, response.ReasonPhrase, attempts.Count));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            exchange = new Exchange(
                ConversionOutcome.Cancelled,
                statusCode,
                body,
                attempts.Count == 0 ? FailureReasons.CancelledBeforeSending : FailureReasons.CancelledInFlight(attempts.Count, null));
        }
        catch (TimeoutRejectedException)
        {
            exchange = new Exchange(ConversionOutcome.Failed, statusCode, body, FailureReasons.TimedOut(context.AttemptTimeout, attempts.Count));
        }
        catch (HttpRequestException exception)
        {
            exchange = new Exchange(ConversionOutcome.Failed, statusCode, body, FailureReasons.ConnectionFailed(exception, attempts.Count));
        }
        catch (OperationCanceledException)
        {
            // Not the caller's token: a timeout further down (e.g. an HttpClient.Timeout set by the application).
            exchange = new Exchange(ConversionOutcome.Failed, statusCode, body, FailureReasons.TimedOut(context.AttemptTimeout, attempts.Count));
        }
#pragma warning disable CA1031 // A row's outcome is a value: an unexpected exception from a user's handler fails the row, not the batch.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            exchange = new Exchange(ConversionOutcome.Failed, statusCode, body, FailureReasons.Unexpected(exception, attempts.Count));
        }

        // One result per row, built once the exchange is over.
        var result = new ConversionResult
        {
            Index = index,
            Outcome = exchange.Outcome,
            CampaignId = context.CampaignId,
            ConversionRef = conversionRef,
            Url = url,
            StatusCode = exchange.StatusCode,
            ResponseBody = exchange.ResponseBody,
            FailureReason = exchange.FailureReason,
            Attempts = attempts.Count,
            Duration = TimeProvider.GetElapsedTime(started),
        };
        if (activity is not null)
        {
            activity.SetTag(TrackingActivities.OutcomeTag, TrackingMetrics.OutcomeName(result.Outcome));
            activity.SetTag(TrackingActivities.AttemptsTag, result.Attempts);
            if (result.StatusCode is { } status)
            {
                activity.SetTag(TrackingActivities.StatusCodeTag, (int)status);
            }

            if (result.Outcome == ConversionOutcome.Failed)
            {
                activity.SetStatus(ActivityStatusCode.Error, result.FailureReason);
            }
        }

        return Complete(result);
    }

    /// <summary>The result of a row that was read but never started because the operation was cancelled.</summary>
    public ConversionResult CancelledBeforeSending(long index, TrackingContext context, PreparedRow row) => Complete(new ConversionResult
    {
        Index = index,
        Outcome = ConversionOutcome.Cancelled,
        CampaignId = context.CampaignId,
        ConversionRef = row.ConversionRef,
        Url = row.Url,
        FailureReason = FailureReasons.CancelledBeforeSending,
    });

    /// <summary>Counts the result in the metrics and logs it (without references).</summary>
    public ConversionResult Complete(ConversionResult result)
    {
        _metrics.RecordConversion(result.Outcome);
        var campaign = result.CampaignId ?? string.Empty;
        switch (result.Outcome)
        {
            case ConversionOutcome.Sent:
                if (Logger.IsEnabled(LogLevel.Debug))
                {
                    Logger.ConversionSent(result.Index, campaign, (int)result.StatusCode.GetValueOrDefault(), result.Attempts, result.Duration.TotalMilliseconds);
                }

                break;
            case ConversionOutcome.Rejected:
                if (Logger.IsEnabled(LogLevel.Debug))
                {
                    Logger.ConversionRejected(result.Index, campaign, string.Join(", ", result.Rejections.Select(r => r.Code)));
                }

                break;
            case ConversionOutcome.Failed:
                Logger.ConversionFailed(result.Index, campaign, result.Attempts, result.FailureReason ?? string.Empty);
                break;
            default:
                Logger.ConversionCancelled(result.Index, campaign, result.Attempts);
                break;
        }

        return result;
    }

    /// <summary>
    /// Reads at most <see cref="MaxResponseBodyLength"/> characters of the body; the rest is never downloaded. The read
    /// may take <paramref name="timeout"/> once it has to wait.
    /// </summary>
    private async ValueTask<string?> ReadBodyAsync(HttpResponseMessage response, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxResponseBodyLength + 1);
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ITimer? timer = null;
        try
        {
            // A short body usually arrives with the headers, and then every step below completes at once: the timeout's
            // timer is armed only when a step has to wait, so most conversions never create one.
            var opening = response.Content.ReadAsStreamAsync(reading.Token);
            if (!opening.IsCompleted)
            {
                timer ??= ArmTimeout(reading, timeout);
            }

            var stream = await opening.ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var length = 0;
                while (length <= MaxResponseBodyLength)
                {
                    var pending = stream.ReadAsync(buffer.AsMemory(length, MaxResponseBodyLength + 1 - length), reading.Token);
                    if (!pending.IsCompleted)
                    {
                        timer ??= ArmTimeout(reading, timeout);
                    }

                    var read = await pending.ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                }

                return Decode(buffer, length);
            }
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException or OperationCanceledException)
        {
            // The status is what counts; a body lost on the way is reported as absent.
            return null;
        }
        finally
        {
            timer?.Dispose();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private ITimer ArmTimeout(CancellationTokenSource reading, TimeSpan timeout) =>
        TimeProvider.CreateTimer(static state => CancelQuietly((CancellationTokenSource)state!), reading, timeout, Timeout.InfiniteTimeSpan);

    private static void CancelQuietly(CancellationTokenSource reading)
    {
        try
        {
            reading.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The timer fired as the read finished and its source was disposed: there is nothing left to cancel.
        }
    }

    private static string? Decode(byte[] buffer, int length)
    {
        if (length == 0)
        {
            return null;
        }

        var truncated = length > MaxResponseBodyLength;
        var bytes = buffer.AsSpan(0, Math.Min(length, MaxResponseBodyLength));

        // Decoded into a pooled buffer and trimmed there, so that the body costs one string of its own size.
        var chars = ArrayPool<char>.Shared.Rent(MaxResponseBodyLength);
        try
        {
            // Cut at the limit, a multi-byte character is left out (flush: false) instead of turning into U+FFFD.
            var count = truncated
                ? Encoding.UTF8.GetDecoder().GetChars(bytes, chars, flush: false)
                : Encoding.UTF8.GetChars(bytes, chars);
            var text = chars.AsSpan(0, count).Trim();
            if (text.IsEmpty)
            {
                return null;
            }

            return truncated
                ? string.Concat(text[..Math.Min(text.Length, MaxResponseBodyLength - 1)], "…")
                : new string(text);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private async Task<ConversionResult> SendOneAsync(TrackingContext context, PreparedRow row, CancellationToken cancellationToken) =>
        row.Result ?? await SendAsync(context, 0, row.ConversionRef!, row.Url!, default, cancellationToken).ConfigureAwait(false);

    private TrackingBatch<T> StartBatch<T>(IAsyncEnumerable<T> source, Func<T, long, TrackingContext, PreparedRow> prepare, TrackingBatchOptions? options, CancellationToken cancellationToken)
    {
        var context = CreateContext(options?.CampaignId, "options.CampaignId");
        int maxConcurrency;
        if (options?.MaxConcurrency is { } requested)
        {
            if (requested < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(options), requested, $"TrackingBatchOptions.MaxConcurrency must be 1 or more; got {requested}.");
            }

            maxConcurrency = requested;
        }
        else
        {
            maxConcurrency = _options.CurrentValue.MaxConcurrency;
            if (maxConcurrency < 1)
            {
                throw new InvalidOperationException($"Partnerize:MaxConcurrency (PartnerizeOptions.MaxConcurrency) must be 1 or more; got {maxConcurrency}.");
            }
        }

        var progressInterval = options?.ProgressInterval ?? TrackingBatchOptions.DefaultProgressInterval;
        if (progressInterval < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), progressInterval, $"TrackingBatchOptions.ProgressInterval must not be negative; got {progressInterval}.");
        }

        return new TrackingBatch<T>(this, source, prepare, context, maxConcurrency, options?.Progress, progressInterval, cancellationToken);
    }

    private TrackingContext CreateContext(string? campaignId, string parameterName)
    {
        var options = _options.CurrentValue;
        string campaign;
        if (campaignId is not null)
        {
            if (string.IsNullOrWhiteSpace(campaignId))
            {
                throw new ArgumentException($"The campaign ID ({parameterName}) must not be empty or white space; pass null to use Partnerize:CampaignId.", parameterName);
            }

            campaign = campaignId.Trim();
        }
        else if (!string.IsNullOrWhiteSpace(options.CampaignId))
        {
            campaign = options.CampaignId.Trim();
        }
        else
        {
            throw new InvalidOperationException(
                "No Partnerize campaign ID: pass one to this call, or set Partnerize:CampaignId in configuration (PartnerizeOptions.CampaignId).");
        }

        var key = (options.TrackingBaseAddress, campaign, options.MaxUrlLength);
        if (!_urlBuilders.TryGetValue(key, out var urlBuilder))
        {
            // Campaign IDs come from configuration, so the cache stays small; the bound only guards against misuse.
            if (_urlBuilders.Count >= MaxCachedUrlBuilders)
            {
                _urlBuilders.Clear();
            }

            urlBuilder = _urlBuilders.GetOrAdd(key, static k => new TrackingUrlBuilder(k.BaseAddress, k.CampaignId, k.MaxLength));
        }

        return new TrackingContext(campaign, urlBuilder, _httpClientFactory.CreateClient(PartnerizeHttpClientNames.Tracking), options.TrackingTimeout);
    }

    private static PreparedRow Finished(ConversionResult result) => new(null, null, result);

    private ConversionResult NullRow(long index, TrackingContext context) => Complete(new ConversionResult
    {
        Index = index,
        Outcome = ConversionOutcome.Failed,
        CampaignId = context.CampaignId,
        FailureReason = FailureReasons.NullRow,
    });

    private ConversionResult Rejected(long index, TrackingContext context, string? conversionRef, IReadOnlyList<ConversionRejection> rejections) => Complete(new ConversionResult
    {
        Index = index,
        Outcome = ConversionOutcome.Rejected,
        CampaignId = context.CampaignId,
        ConversionRef = string.IsNullOrEmpty(conversionRef) ? null : conversionRef,
        FailureReason = FailureReasons.Rejected(rejections),
        Rejections = rejections,
    });
}
