using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Partnerize.Client.DependencyInjection.Internal;

namespace Partnerize.Client.Campaigns.Internal;

/// <summary>
/// Adds HTTP Basic authentication (User Application Key : User API Key) to requests for the management API host, and to
/// nothing else, for the time of the send only. The keys are read from the current options on every request, so
/// rotating them needs no restart. Placed by <see cref="ApiAuthenticationFilter"/> next to the primary handler.
/// </summary>
internal sealed class PartnerizeBasicAuthHandler(IOptionsMonitor<PartnerizeOptions> options, ILogger<PartnerizeBasicAuthHandler> logger) : DelegatingHandler
{
    private CachedHeader? _cached;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authenticated = Authenticate(request);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Forget(request, authenticated);
        }
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authenticated = Authenticate(request);
        try
        {
            return base.Send(request, cancellationToken);
        }
        finally
        {
            Forget(request, authenticated);
        }
    }

    // The same request message is sent again on a retry, logged by handlers further out, and kept by the response
    // (RequestMessage): once sent, it must not carry the credentials any more.
    private static void Forget(HttpRequestMessage request, bool authenticated)
    {
        if (authenticated)
        {
            request.Headers.Authorization = null;
        }
    }

    private bool Authenticate(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = options.CurrentValue;
        if (!IsApiHost(request.RequestUri, current.ApiBaseAddress))
        {
            CampaignsLog.CredentialsWithheld(logger, request.RequestUri?.IsAbsoluteUri == true ? request.RequestUri.Host : "(relative address)");
            return false;
        }

        var failures = PartnerizeOptionsValidator.ApiKeyFailures(current);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(PartnerizeOptions), failures);
        }

        request.Headers.Authorization = HeaderFor(current.ApplicationKey!, current.ApiKey!);
        return true;
    }

    private AuthenticationHeaderValue HeaderFor(string applicationKey, string apiKey)
    {
        // Requests come in bursts with the same keys; encoding once per key pair keeps the hot path allocation-free.
        var cached = _cached;
        if (cached is not null && string.Equals(cached.ApplicationKey, applicationKey, StringComparison.Ordinal) && string.Equals(cached.ApiKey, apiKey, StringComparison.Ordinal))
        {
            return cached.Header;
        }

        var header = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(applicationKey + ":" + apiKey)));
        _cached = new CachedHeader(applicationKey, apiKey, header);
        return header;
    }

    private static bool IsApiHost(Uri? requestUri, Uri apiBaseAddress) =>
        requestUri is { IsAbsoluteUri: true }
        && apiBaseAddress is { IsAbsoluteUri: true }
        && string.Equals(requestUri.Scheme, apiBaseAddress.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(requestUri.IdnHost, apiBaseAddress.IdnHost, StringComparison.OrdinalIgnoreCase)
        && requestUri.Port == apiBaseAddress.Port;

    private sealed record CachedHeader(string ApplicationKey, string ApiKey, AuthenticationHeaderValue Header);
}
