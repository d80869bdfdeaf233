using System.Globalization;
using System.Net;
using System.Text;
using Partnerize.Client.Conversions;
using Partnerize.Client.Testing.Internal;

namespace Partnerize.Client.Testing;

/// <summary>
/// A fake Partnerize for tests: a tracking host that parses every conversion back out of its URL with the strict
/// <see cref="TrackingUrlParser"/> and records it, and a management API that lists the campaigns you configure.
/// It can be told to fail (<see cref="AddFault"/>). Thread-safe.
/// </summary>
/// <remarks>
/// <para>The fake is independent of the transport. Put it behind an <see cref="HttpClient"/> with
/// <see cref="FakePartnerizeHandler"/> (or <c>builder.UseFakePartnerize(fake)</c> after <c>AddPartnerize</c>), or run it
/// as a real HTTP server on 127.0.0.1 with <see cref="FakePartnerizeServer"/>.</para>
/// <para>Tracking host (any path holding <c>/conversion/</c>): <c>GET</c> with a URL that follows the grammar and holds a
/// valid conversion is answered <c>200</c> with a text body, the new conversion's ID; a URL that breaks the grammar or
/// holds an invalid conversion is answered <c>400</c> with a message saying what is wrong. No credentials are needed
/// (or expected).</para>
/// <para>Management API: <c>GET /user/account</c>, <c>GET /campaign</c> (paged by <c>offset</c> and <c>limit</c>, with
/// <c>hypermedia.pagination.next_page</c>) and <c>GET /campaign/{id}</c>, answered as Partnerize's JSON. Every call needs
/// HTTP Basic authentication with <see cref="ApplicationKey"/> and <see cref="ApiKey"/>; anything else gets <c>401</c>
/// with a JSON error.</para>
/// </remarks>
public sealed class FakePartnerize
{
    /// <summary>The User Application Key the fake expects unless told otherwise.</summary>
    public const string DefaultApplicationKey = "fake-application-key";

    /// <summary>The User API Key the fake expects unless told otherwise.</summary>
    public const string DefaultApiKey = "fake-api-key";

    private readonly object _gate = new();
    private readonly List<FakeCampaign> _campaigns = [];
    private readonly List<FakeFault> _faults = [];
    private readonly List<FakeRequest> _requests = [];
    private readonly List<ReceivedConversion> _conversions = [];
    private readonly Dictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly List<(Func<bool> IsDone, TaskCompletionSource Signal)> _waiters = [];
    private readonly int _campaignPageSize = 100;
    private Random? _random;
    private long _sequence;
    private long _conversionIds;
    private int _trackingRequestCount;
    private int _apiRequestCount;
    private int _inFlight;
    private int _peakInFlight;

    /// <summary>The User Application Key the management API expects (HTTP Basic user name).</summary>
    public string ApplicationKey { get; init; } = DefaultApplicationKey;

    /// <summary>The User API Key the management API expects (HTTP Basic password).</summary>
    public string ApiKey { get; init; } = DefaultApiKey;

    /// <summary>The seed of the random draws that pick which requests a fault with a share hits.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The most campaigns in one page of <c>GET /campaign</c>; a larger <c>limit</c> is cut to it. Default 100.</summary>
    public int CampaignPageSize
    {
        get => _campaignPageSize;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _campaignPageSize = value;
        }
    }

    /// <summary>The clock of <see cref="FakeRequest.ReceivedAt"/> and of fault delays; <see cref="TimeProvider.System"/> by default.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The campaigns the management API lists, in order.</summary>
    public IReadOnlyList<FakeCampaign> Campaigns
    {
        get
        {
            lock (_gate)
            {
                return [.. _campaigns];
            }
        }
    }

    /// <summary>The faults, in the order they are checked.</summary>
    public IReadOnlyList<FakeFault> Faults
    {
        get
        {
            lock (_gate)
            {
                return [.. _faults];
            }
        }
    }

    /// <summary>Every request received, to either host, in order of arrival (a snapshot).</summary>
    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The requests to the tracking host, in order of arrival (a snapshot).</summary>
    public IReadOnlyList<FakeRequest> TrackingRequests
    {
        get
        {
            lock (_gate)
            {
                return _requests.Where(r => r.Host == FakeHost.Tracking).ToArray();
            }
        }
    }

    /// <summary>The conversions received and accepted, in order of arrival, repeats included (a snapshot).</summary>
    public IReadOnlyList<ReceivedConversion> Conversions
    {
        get
        {
            lock (_gate)
            {
                return [.. _conversions];
            }
        }
    }

    /// <summary>How many requests are being handled right now (delays included).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The most requests that were being handled at the same time since the start (or <see cref="Reset"/>).</summary>
    public int PeakInFlight => Volatile.Read(ref _peakInFlight);

    /// <summary>Adds a campaign to the management API's list.</summary>
    /// <param name="campaign">The campaign.</param>
    /// <returns>This fake, to chain calls.</returns>
    public FakePartnerize AddCampaign(FakeCampaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        lock (_gate)
        {
            _campaigns.Add(campaign);
        }

        return this;
    }

    /// <summary>Adds a fault, checked after those already added.</summary>
    /// <param name="fault">The fault.</param>
    /// <returns>This fake, to chain calls.</returns>
    /// <exception cref="ArgumentException">The shares of the faults of one host would add up to more than 1.</exception>
    public FakePartnerize AddFault(FakeFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            var shares = _faults.Where(f => f.Host == fault.Host).Sum(f => f.Share ?? 0) + (fault.Share ?? 0);
            if (shares > 1 + 1e-9)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The shares of the {fault.Host} faults would add up to {shares:0.###}; they split one draw per request, so they may add up to 1 at most."),
                    nameof(fault));
            }

            _faults.Add(fault);
        }

        return this;
    }

    /// <summary>Removes every fault: from now on the fake answers normally.</summary>
    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    /// <summary>Forgets the requests and conversions received, the attempt counts and the peak; keeps campaigns and faults.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _requests.Clear();
            _conversions.Clear();
            _attempts.Clear();
            _trackingRequestCount = 0;
            _apiRequestCount = 0;
            Volatile.Write(ref _peakInFlight, Volatile.Read(ref _inFlight));
        }
    }

    /// <summary>Completes once at least <paramref name="count"/> requests to <paramref name="host"/> have arrived.</summary>
    /// <param name="count">How many requests to wait for.</param>
    /// <param name="host">Which host's requests to count.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when the requests have arrived.</returns>
    public Task WaitForRequestsAsync(int count, FakeHost host = FakeHost.Tracking, CancellationToken cancellationToken = default) =>
        WaitAsync(() => (host == FakeHost.Tracking ? _trackingRequestCount : _apiRequestCount) >= count, cancellationToken);

    /// <summary>Completes once at least <paramref name="count"/> conversions have been received and accepted.</summary>
    /// <param name="count">How many conversions to wait for.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when the conversions have arrived.</returns>
    public Task WaitForConversionsAsync(int count, CancellationToken cancellationToken = default) =>
        WaitAsync(() => _conversions.Count >= count, cancellationToken);

    /// <summary>Handles one request; the transports (<see cref="FakePartnerizeHandler"/>, <see cref="FakePartnerizeServer"/>) carry the answer.</summary>
    internal async Task<FakeAnswer> HandleAsync(string method, string rawTarget, IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        var peak = Volatile.Read(ref _peakInFlight);
        while (inFlight > peak && Interlocked.CompareExchange(ref _peakInFlight, inFlight, peak) != peak)
        {
            peak = Volatile.Read(ref _peakInFlight);
        }

        try
        {
            var (answer, delay) = Decide(method, rawTarget, headers);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, TimeProvider, cancellationToken).ConfigureAwait(false);
            }

            return answer;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private (FakeAnswer Answer, TimeSpan Delay) Decide(string method, string rawTarget, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var receivedAt = TimeProvider.GetUtcNow();
        var queryAt = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = queryAt < 0 ? rawTarget : rawTarget[..queryAt];
        var query = queryAt < 0 ? string.Empty : rawTarget[(queryAt + 1)..];
        var host = path.Contains("/conversion/", StringComparison.Ordinal) ? FakeHost.Tracking : FakeHost.ManagementApi;

        // Parsing and validation need no lock; only what is recorded does.
        ParsedTrackingUrl? parsed = null;
        string? parseError = null;
        ConversionValidationResult? validation = null;
        if (host == FakeHost.Tracking && TrackingUrlParser.TryParse(rawTarget, out parsed, out parseError))
        {
            validation = ConversionValidator.Default.Validate(parsed!.ToDraft());
        }

        lock (_gate)
        {
            var attemptKey = host == FakeHost.ManagementApi ? "api\n" + path
                : parsed is null ? "raw\n" + rawTarget
                : "ref\n" + parsed.CampaignId + "\n" + parsed.ConversionRef;
            var attempt = _attempts[attemptKey] = _attempts.GetValueOrDefault(attemptKey) + 1;
            var fault = SelectFault(host, parsed?.Get(ParameterNames.ConversionRef), attempt);
            var replaces = fault is not null && (fault.DropsConnection || fault.StatusCode is not null);

            FakeAnswer? normal = null;
            string? error = null;
            if (!replaces || fault!.RecordsConversion)
            {
                (normal, error) = host == FakeHost.Tracking
                    ? Track(method, rawTarget, parsed, parseError, validation, receivedAt)
                    : Api(method, path, query, headers);
            }

            var answer = replaces ? FaultAnswer(fault!, host) : normal!;
            _requests.Add(new FakeRequest
            {
                Sequence = ++_sequence,
                Host = host,
                Method = method,
                RawTarget = rawTarget,
                Headers = headers,
                ReceivedAt = receivedAt,
                StatusCode = answer.DropConnection ? null : answer.StatusCode,
                ConnectionDropped = answer.DropConnection,
                Fault = fault,
                TrackingUrl = parsed,
                Attempt = attempt,
                Error = replaces ? null : error,
            });

            if (host == FakeHost.Tracking)
            {
                _trackingRequestCount++;
            }
            else
            {
                _apiRequestCount++;
            }

            SignalWaiters();
            return (answer, fault?.Delay ?? TimeSpan.Zero);
        }
    }

    private FakeFault? SelectFault(FakeHost host, string? conversionRef, int attempt)
    {
        if (_faults.Count == 0)
        {
            return null;
        }

        var draw = (_random ??= new Random(Seed)).NextDouble();
        var shareStart = 0.0;
        foreach (var fault in _faults)
        {
            if (fault.Host != host)
            {
                continue;
            }

            if (fault.Share is { } share)
            {
                var hit = draw >= shareStart && draw < shareStart + share;
                shareStart += share;
                if (!hit)
                {
                    continue;
                }
            }

            if (fault.ConversionRefs is { } refs && (conversionRef is null || !refs.Contains(conversionRef)))
            {
                continue;
            }

            if (fault.FirstAttempts is { } first && attempt > first)
            {
                continue;
            }

            return fault;
        }

        return null;
    }

    private (FakeAnswer Answer, string? Error) Track(string method, string rawTarget, ParsedTrackingUrl? parsed, string? parseError, ConversionValidationResult? validation, DateTimeOffset receivedAt)
    {
        if (!string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase))
        {
            return Text(HttpStatusCode.MethodNotAllowed, $"The tracking host takes GET requests only; got {method}.");
        }

        if (parsed is null)
        {
            return Text(HttpStatusCode.BadRequest, "Not a valid Partnerize tracking URL: " + parseError);
        }

        if (!validation!.IsValid)
        {
            return Text(HttpStatusCode.BadRequest, "The conversion in the URL is not valid: " + string.Join("; ", validation.Rejections));
        }

        var conversionId = "fake-conversion-" + (++_conversionIds).ToString(CultureInfo.InvariantCulture);
        _conversions.Add(new ReceivedConversion
        {
            CampaignId = parsed.CampaignId,
            Url = parsed,
            Draft = parsed.ToDraft(),
            Conversion = validation.Conversion,
            RawTarget = rawTarget,
            ReceivedAt = receivedAt,
            ConversionId = conversionId,
        });
        return (new FakeAnswer(200, conversionId, FakeAnswer.Text, []), null);
    }

    private (FakeAnswer Answer, string? Error) Api(string method, string path, string query, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var credentialsError = CheckCredentials(headers);
        if (credentialsError is not null)
        {
            var unauthorized = ManagementApiJson.Error(401, "Unauthorized", credentialsError, "unauthorised");
            return (new FakeAnswer(401, unauthorized, FakeAnswer.Json, [new("WWW-Authenticate", "Basic realm=\"Partnerize\"")]), credentialsError);
        }

        if (!string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase))
        {
            return JsonError(HttpStatusCode.MethodNotAllowed, $"The fake management API answers GET only; got {method} {path}.", "method_not_allowed");
        }

        var trimmed = path.TrimEnd('/');
        if (trimmed == "/user/account")
        {
            return (new FakeAnswer(200, ManagementApiJson.Account(ApplicationKey), FakeAnswer.Json, []), null);
        }

        if (trimmed == "/campaign")
        {
            return CampaignPage(query);
        }

        if (trimmed.StartsWith("/campaign/", StringComparison.Ordinal) && trimmed.IndexOf('/', "/campaign/".Length) < 0)
        {
            var campaignId = Uri.UnescapeDataString(trimmed["/campaign/".Length..]);
            var campaign = _campaigns.Find(c => c.CampaignId == campaignId);
            return campaign is null
                ? JsonError(HttpStatusCode.NotFound, $"Campaign '{campaignId}' was not found.", "not_found")
                : (new FakeAnswer(200, ManagementApiJson.Campaign(campaign), FakeAnswer.Json, []), null);
        }

        return JsonError(HttpStatusCode.NotFound, $"The fake management API has no resource at {path}.", "not_found");
    }

    private (FakeAnswer Answer, string? Error) CampaignPage(string query)
    {
        var offset = 0;
        var limit = CampaignPageSize;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            var isNumber = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number);
            if (name == "offset")
            {
                if (!isNumber)
                {
                    return JsonError(HttpStatusCode.BadRequest, $"offset must be a whole number of 0 or more; got '{value}'.", "invalid_parameter");
                }

                offset = number;
            }
            else if (name == "limit")
            {
                if (!isNumber || number < 1)
                {
                    return JsonError(HttpStatusCode.BadRequest, $"limit must be a whole number of 1 or more; got '{value}'.", "invalid_parameter");
                }

                limit = Math.Min(number, CampaignPageSize);
            }
        }

        return (new FakeAnswer(200, ManagementApiJson.CampaignPage(_campaigns, offset, limit), FakeAnswer.Json, []), null);
    }

    private string? CheckCredentials(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var authorization = headers.FirstOrDefault(h => string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase)).Value;
        if (string.IsNullOrEmpty(authorization) || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return "No HTTP Basic credentials were sent: send the User Application Key and User API Key.";
        }

        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return "The HTTP Basic credentials are not valid Base64.";
        }

        var expected = ApplicationKey + ":" + ApiKey;
        return string.Equals(credentials, expected, StringComparison.Ordinal)
            ? null
            : "The User Application Key or User API Key is wrong.";
    }

    private static FakeAnswer FaultAnswer(FakeFault fault, FakeHost host)
    {
        if (fault.DropsConnection)
        {
            return FakeAnswer.Dropped;
        }

        var status = (int)fault.StatusCode!.Value;
        var headers = new List<KeyValuePair<string, string>>();
        if (fault.RetryAfter is { } retryAfter)
        {
            headers.Add(new("Retry-After", ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture)));
        }
        else if (fault.RetryAfterDate is { } retryAt)
        {
            headers.Add(new("Retry-After", retryAt.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture)));
        }

        return host == FakeHost.Tracking
            ? new FakeAnswer(status, fault.Body ?? $"Fake fault: {status}", FakeAnswer.Text, headers)
            : new FakeAnswer(status, fault.Body ?? ManagementApiJson.Error(status, fault.StatusCode.Value.ToString(), $"Fake fault: {status}", "fault"), FakeAnswer.Json, headers);
    }

    private static (FakeAnswer Answer, string? Error) Text(HttpStatusCode status, string message) =>
        (new FakeAnswer((int)status, message, FakeAnswer.Text, []), message);

    private static (FakeAnswer Answer, string? Error) JsonError(HttpStatusCode status, string message, string type) =>
        (new FakeAnswer((int)status, ManagementApiJson.Error((int)status, status.ToString(), message, type), FakeAnswer.Json, []), message);

    private Task WaitAsync(Func<bool> isDone, CancellationToken cancellationToken)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (isDone())
            {
                return Task.CompletedTask;
            }

            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((isDone, signal));
        }

        return signal.Task.WaitAsync(cancellationToken);
    }

    private void SignalWaiters()
    {
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            if (_waiters[i].IsDone())
            {
                _waiters[i].Signal.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }
}
