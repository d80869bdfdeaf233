using System.Globalization;
using System.Net.Http;
using System.Net;
using System.Text;
using Partnerize.Client.Http.Internal;
using Polly.Timeout;

namespace Partnerize.Client.Campaigns.Internal;

/// <summary>
/// Turns every way a management API call can fail into a <see cref="PartnerizeApiException"/>. Plugged into Refit's
/// exception factories, so a Refit exception (which holds the request, and so the <c>Authorization</c> header) is never
/// created in the first place.
/// </summary>
internal static class PartnerizeApiErrors
{
    public static async ValueTask<Exception?> FromResponseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var (body, truncated) = await ReadBodyAsync(response.Content).ConfigureAwait(false);
        var (code, message) = PartnerizeErrorBody.Parse(body);
        TimeSpan? retryAfter = RateLimitHeaders.TryGetRetryDelay(response, DateTimeOffset.UtcNow, out var delay) ? delay : null;
        var endpoint = DescribeEndpoint(response.RequestMessage);
        return new PartnerizeApiException(ErrorResponseMessage(response, endpoint, code, message, retryAfter))
        {
            Kind = PartnerizeApiErrorKind.ErrorResponse,
            StatusCode = response.StatusCode,
            Endpoint = endpoint,
            ErrorCode = code,
            ErrorMessage = message,
            ResponseBody = body,
            IsResponseBodyTruncated = truncated,
            RetryAfter = retryAfter,
        };
    }

    public static async ValueTask<Exception?> FromDeserializationFailureAsync(HttpResponseMessage response, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(exception);
        var (body, truncated) = await ReadConsumedBodyAsync(response.Content).ConfigureAwait(false);
        var endpoint = DescribeEndpoint(response.RequestMessage);
        return new PartnerizeApiException(
            $"The Partnerize API answered {DescribeStatus(response)} to {endpoint}, but the body is not the JSON the API sends ({exception.Message}). {ApiGuidance.CheckBaseAddress}",
            exception)
        {
            Kind = PartnerizeApiErrorKind.InvalidResponse,
            StatusCode = response.StatusCode,
            Endpoint = endpoint,
            ResponseBody = body,
            IsResponseBodyTruncated = truncated,
        };
    }

    public static Exception FromTransportFailure(HttpRequestMessage request, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exception);

        // The caller cancelled: that is not a failure of Partnerize, and callers expect the cancellation itself.
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return exception;
        }

        var endpoint = DescribeEndpoint(request);
        switch (exception)
        {
            case TimeoutRejectedException:
            case OperationCanceledException:
                return new PartnerizeApiException(
                    $"The Partnerize API did not answer {endpoint} in time: every attempt ran past Partnerize:ApiTimeout " +
                    "(retried up to Partnerize:MaxRetryAttempts times). Try again later; if your network is slow, raise Partnerize:ApiTimeout.",
                    exception)
                {
                    Kind = PartnerizeApiErrorKind.Timeout,
                    Endpoint = endpoint,
                };

            case HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse or HttpRequestError.HttpProtocolError }:
                return new PartnerizeApiException(
                    $"The Partnerize API at {DescribeHost(request)} sent an answer to {endpoint} that is not valid HTTP ({exception.Message}). {ApiGuidance.CheckBaseAddress}",
                    exception)
                {
                    Kind = PartnerizeApiErrorKind.InvalidResponse,
                    Endpoint = endpoint,
                };

            case HttpRequestException:
                return new PartnerizeApiException(
                    $"Could not reach the Partnerize API at {DescribeHost(request)} for {endpoint} ({exception.Message}). " +
                    "Check Partnerize:ApiBaseAddress, and that this machine can reach it (DNS, proxy, firewall).",
                    exception)
                {
                    Kind = PartnerizeApiErrorKind.ConnectionFailed,
                    Endpoint = endpoint,
                };

            default:
                // Configuration errors (missing keys) and anything unforeseen keep their own type and message.
                return exception;
        }
    }

    public static PartnerizeApiException InvalidAnswer(string endpoint, string problem) =>
        new($"The Partnerize API answered {endpoint} unexpectedly: {problem}. {ApiGuidance.CheckBaseAddress}")
        {
            Kind = PartnerizeApiErrorKind.InvalidResponse,
            Endpoint = endpoint,
        };

    public static string DescribeEndpoint(HttpRequestMessage? request)
    {
        if (request?.RequestUri is not { } uri)
        {
            return request is null ? "the request" : request.Method.Method;
        }

        // The path only: a query string is never needed to understand a failure.
        var path = uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?', 2)[0];
        return $"{request.Method.Method} {path}";
    }

    /// <summary>Reads at most <see cref="PartnerizeApiException.MaxResponseBodyBytes"/> of a body nobody has read yet.</summary>
    internal static async ValueTask<(string? Body, bool Truncated)> ReadBodyAsync(HttpContent? content)
    {
        if (content is null)
        {
            return (null, false);
        }

        try
        {
            var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[PartnerizeApiException.MaxResponseBodyBytes + 1];
                var read = 0;
                while (read < buffer.Length)
                {
                    var count = await stream.ReadAsync(buffer.AsMemory(read)).ConfigureAwait(false);
                    if (count == 0)
                    {
                        break;
                    }

                    read += count;
                }

                return Decode(buffer.AsSpan(0, read));
            }
        }
        catch (Exception exception) when (IsUnreadable(exception))
        {
            // The body is a courtesy; failing to read it must not hide the status that was received.
            return (null, false);
        }
    }

    /// <summary>
    /// Reads the body of an answer the deserializer already consumed: its stream is closed by then, but the client
    /// buffered the content, and the buffer can still be read.
    /// </summary>
    private static async ValueTask<(string? Body, bool Truncated)> ReadConsumedBodyAsync(HttpContent? content)
    {
        if (content is null)
        {
            return (null, false);
        }

        try
        {
            var bytes = await content.ReadAsByteArrayAsync().ConfigureAwait(false);
            return Decode(bytes);
        }
        catch (Exception exception) when (IsUnreadable(exception))
        {
            return (null, false);
        }
    }

    private static (string? Body, bool Truncated) Decode(ReadOnlySpan<byte> bytes)
    {
        var truncated = bytes.Length > PartnerizeApiException.MaxResponseBodyBytes;
        var length = Math.Min(bytes.Length, PartnerizeApiException.MaxResponseBodyBytes);
        if (truncated)
        {
            // Cut before a character split by the limit, so the text does not end in a replacement character.
            while (length > 0 && (bytes[length] & 0xC0) == 0x80)
            {
                length--;
            }
        }

        var text = Encoding.UTF8.GetString(bytes[..length]);
        return (text.Length == 0 ? null : text, truncated);
    }

    private static bool IsUnreadable(Exception exception) =>
        exception is IOException or HttpRequestException or ObjectDisposedException or InvalidOperationException or OperationCanceledException;

    private static string ErrorResponseMessage(HttpResponseMessage response, string endpoint, string? code, string? message, TimeSpan? retryAfter)
    {
        var builder = new StringBuilder()
            .Append("The Partnerize API answered ").Append(DescribeStatus(response)).Append(" to ").Append(endpoint);
        if (code is not null || message is not null)
        {
            builder.Append(" (Partnerize error");
            if (code is not null)
            {
                builder.Append(' ').Append(code);
            }

            if (message is not null)
            {
                builder.Append(": ").Append(message);
            }

            builder.Append(')');
        }

        builder.Append(". ").Append(Advice(response.StatusCode, endpoint, retryAfter));
        return builder.ToString();
    }

    private static string Advice(HttpStatusCode status, string endpoint, TimeSpan? retryAfter) => status switch
    {
        HttpStatusCode.Unauthorized => $"{ApiGuidance.CheckKeys} {ApiGuidance.WhereKeysLive} {ApiGuidance.CheckAccess}",
        HttpStatusCode.Forbidden => $"{ApiGuidance.CheckAccess} {ApiGuidance.CheckKeys} {ApiGuidance.WhereKeysLive}",
        HttpStatusCode.NotFound when endpoint.Contains("/campaign/", StringComparison.Ordinal) =>
            $"Check the campaign ID, and that this user has access to it. {ApiGuidance.CheckBaseAddress}",
        HttpStatusCode.NotFound => ApiGuidance.CheckBaseAddress,
        HttpStatusCode.TooManyRequests =>
            "Partnerize is limiting the request rate of these keys and the retries (Partnerize:MaxRetryAttempts) are used up; " +
            (retryAfter is { } wait ? $"wait {FormatWait(wait)} and try again, " : "wait and try again, ") + "and make fewer calls.",
        >= HttpStatusCode.InternalServerError =>
            "Partnerize could not handle the request and the retries (Partnerize:MaxRetryAttempts) are used up; try again later.",
        _ => $"Check the request. {ApiGuidance.CheckBaseAddress}",
    };

    private static string FormatWait(TimeSpan wait) =>
        wait.TotalSeconds < 1 ? "a moment" : string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(wait.TotalSeconds):0} seconds");

    private static string DescribeStatus(HttpResponseMessage response)
    {
        var code = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        return string.IsNullOrWhiteSpace(response.ReasonPhrase) ? code : $"{code} {response.ReasonPhrase}";
    }

    private static string DescribeHost(HttpRequestMessage? request) =>
        request?.RequestUri is { IsAbsoluteUri: true } uri ? uri.GetLeftPart(UriPartial.Authority) : "the configured address";
}
