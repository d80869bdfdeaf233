using System.Net;

namespace Partnerize.Client.Testing;

/// <summary>
/// A failure the fake Partnerize injects: what it does (a status, a dropped connection, a delay) and which requests
/// it hits (a share of them, given conversion references, the first attempts of each conversion). Immutable: the
/// fluent methods return changed copies.
/// </summary>
/// <example>
/// <code>
/// fake.AddFault(FakeFault.Status(HttpStatusCode.ServiceUnavailable).ForShare(0.2))
///     .AddFault(FakeFault.Status(HttpStatusCode.TooManyRequests).WithRetryAfter(TimeSpan.FromSeconds(1)).ForShare(0.1))
///     .AddFault(FakeFault.DropConnection().ForShare(0.05))
///     .AddFault(FakeFault.Status(HttpStatusCode.BadRequest).ForConversionRefs("ORD-13"))
///     .AddFault(FakeFault.Status(HttpStatusCode.BadGateway).ForFirstAttempts(2));
/// </code>
/// </example>
/// <remarks>
/// <para>Faults are checked in the order they were added and the first that matches applies. Faults with a share
/// split one random draw per request between them (seeded by <see cref="FakePartnerize.Seed"/>): the first takes
/// draws in [0, s1), the next [s1, s1 + s2), and so on, so the shares of one host may add up to 1 at most.</para>
/// <para>A fault answers instead of Partnerize, so the conversion is not recorded, unless <see cref="AfterRecording"/>
/// says the conversion arrived and only the answer was lost.</para>
/// </remarks>
public sealed record FakeFault
{
    private FakeFault()
    {
    }

    /// <summary>The status answered, or <see langword="null"/> for a fault that only drops or delays.</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>The body answered with <see cref="StatusCode"/>; a short default when <see langword="null"/>.</summary>
    public string? Body { get; init; }

    /// <summary>Sent as <c>Retry-After</c> in whole seconds (rounded up).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Sent as <c>Retry-After</c> in the HTTP date form.</summary>
    public DateTimeOffset? RetryAfterDate { get; init; }

    /// <summary>Whether the connection is dropped without an answer (the server aborts it; the handler throws <see cref="HttpRequestException"/>).</summary>
    public bool DropsConnection { get; init; }

    /// <summary>How long the fake waits before answering (or dropping), on the fake's <see cref="FakePartnerize.TimeProvider"/>.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Whether the conversion is recorded as received before the fault applies: the request arrived, the answer was lost.</summary>
    public bool RecordsConversion { get; init; }

    /// <summary>The host the fault applies to; <see cref="FakeHost.Tracking"/> unless <see cref="OnManagementApi"/> was called.</summary>
    public FakeHost Host { get; init; }

    /// <summary>The share of requests hit, between 0 and 1; <see langword="null"/> for every request that matches otherwise.</summary>
    public double? Share { get; init; }

    /// <summary>When set, only tracking requests for these conversion references are hit.</summary>
    public IReadOnlySet<string>? ConversionRefs { get; init; }

    /// <summary>When set, only the first attempts of each conversion (tracking) or of each path (management API) are hit.</summary>
    public int? FirstAttempts { get; init; }

    /// <summary>Answers with a status instead of Partnerize.</summary>
    /// <param name="statusCode">The status, e.g. 503.</param>
    /// <param name="body">The body; a short default when <see langword="null"/>.</param>
    /// <returns>The fault.</returns>
    public static FakeFault Status(HttpStatusCode statusCode, string? body = null) => new() { StatusCode = statusCode, Body = body };

    /// <summary>Drops the connection without answering.</summary>
    /// <returns>The fault.</returns>
    public static FakeFault DropConnection() => new() { DropsConnection = true };

    /// <summary>Answers normally, but only after a delay.</summary>
    /// <param name="delay">How long to wait.</param>
    /// <returns>The fault.</returns>
    public static FakeFault Delayed(TimeSpan delay) => new FakeFault().WithDelay(delay);

    /// <summary>Adds a <c>Retry-After</c> header in seconds.</summary>
    /// <param name="retryAfter">The wait asked for.</param>
    /// <returns>A changed copy.</returns>
    public FakeFault WithRetryAfter(TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        return this with { RetryAfter = retryAfter, RetryAfterDate = null };
    }

    /// <summary>Adds a <c>Retry-After</c> header as an HTTP date.</summary>
    /// <param name="retryAt">When to retry.</param>
    /// <returns>A changed copy.</returns>
    public FakeFault WithRetryAfter(DateTimeOffset retryAt) => this with { RetryAfterDate = retryAt, RetryAfter = null };

    /// <summary>Waits before answering.</summary>
    /// <param name="delay">How long to wait.</param>
    /// <returns>A changed copy.</returns>
    public FakeFault WithDelay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return this with { Delay = delay };
    }

    /// <summary>Hits only a share of the requests.</summary>
    /// <param name="share">Between 0 (exclusive) and 1 (inclusive), e.g. 0.2 for 20%.</param>
    /// <returns>A changed copy.</returns>
    public FakeFault ForShare(double share)
    {
        if (!(share > 0 && share <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, $"A fault's share must be more than 0 and at most 1; got {share}.");
        }

        return this with { Share = share };
    }

    /// <summary>Hits only the tracking requests of these conversion references.</summary>
    /// <param name="conversionRefs">The references (order IDs), compared exactly.</param>
    /// <returns>A changed copy.</returns>
    public FakeFault ForConversionRefs(params string[] conversionRefs)
    {
        ArgumentNullException.ThrowIfNull(conversionRefs);
        return this with { ConversionRefs = new HashSet<string>(conversionRefs, StringComparer.Ordinal) };
    }

    /// <summary>Hits only the first attempts of each conversion (or of each management API path).</summary>
    /// <param name="attempts">How many attempts are hit, 1 or more.</param>
    /// <returns>A changed copy.</returns>
    public FakeFault ForFirstAttempts(int attempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        return this with { FirstAttempts = attempts };
    }

    /// <summary>Applies the fault to the management API instead of the tracking host.</summary>
    /// <returns>A changed copy.</returns>
    public FakeFault OnManagementApi() => this with { Host = FakeHost.ManagementApi };

    /// <summary>Records the conversion as received before applying the fault: the request arrived, its answer was lost.</summary>
    /// <returns>A changed copy.</returns>
    public FakeFault AfterRecording() => this with { RecordsConversion = true };
}
