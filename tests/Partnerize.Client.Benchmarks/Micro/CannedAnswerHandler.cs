using System.Net;
using Partnerize.Client.Benchmarks.Load;

namespace Partnerize.Client.Benchmarks.Micro;

/// <summary>
/// Answers every request at once, in memory, as the load runs' sink does (200 and a short body): with the network
/// taken out, what is left of a send is the client's own work.
/// </summary>
public sealed class CannedAnswerHandler : HttpMessageHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(SinkServer.Body),
        });
}
