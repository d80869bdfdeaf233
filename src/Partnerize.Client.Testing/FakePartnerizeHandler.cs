using System.Net;
using System.Text;

namespace Partnerize.Client.Testing;

/// <summary>
/// Puts a <see cref="FakePartnerize"/> behind an <see cref="HttpClient"/>, in memory: no socket, no port. A dropped
/// connection surfaces as the <see cref="HttpRequestException"/> a real connection failure would raise.
/// </summary>
/// <remarks>The fake sees the request target as <see cref="Uri.PathAndQuery"/>, the form a real handler puts on the wire.</remarks>
public sealed class FakePartnerizeHandler : HttpMessageHandler
{
    private readonly FakePartnerize _fake;

    /// <summary>Creates a handler for a fake.</summary>
    /// <param name="fake">The fake that answers.</param>
    public FakePartnerizeHandler(FakePartnerize fake)
    {
        ArgumentNullException.ThrowIfNull(fake);
        _fake = fake;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var rawTarget = uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var header in request.Headers)
        {
            headers.Add(new(header.Key, string.Join(", ", header.Value)));
        }

        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers)
            {
                headers.Add(new(header.Key, string.Join(", ", header.Value)));
            }
        }

        var answer = await _fake.HandleAsync(request.Method.Method, rawTarget, headers, cancellationToken).ConfigureAwait(false);
        if (answer.DropConnection)
        {
            throw new HttpRequestException(
                HttpRequestError.ConnectionError,
                "The fake Partnerize dropped the connection.",
                new IOException("The connection was closed by the fake Partnerize before it answered."));
        }

        var response = new HttpResponseMessage((HttpStatusCode)answer.StatusCode)
        {
            RequestMessage = request,
            Content = new StringContent(answer.Body, Encoding.UTF8, answer.ContentType),
        };
        foreach (var header in answer.Headers)
        {
            response.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return response;
    }
}
