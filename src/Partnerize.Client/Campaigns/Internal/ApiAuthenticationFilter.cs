using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Partnerize.Client.Campaigns.Internal;

/// <summary>
/// Puts <see cref="PartnerizeBasicAuthHandler"/> directly around the primary handler of the <c>Partnerize.Api</c> client,
/// inside every other handler, including HttpClientFactory's own logging handler.
/// </summary>
/// <remarks>
/// HttpClientFactory logs request headers at Trace level; it redacts them in the formatted message but passes their raw
/// values in the log's structured state, which structured sinks export. Adding the <c>Authorization</c> header after that
/// logger has run keeps the keys out of it. Filters run after every per-client configuration, so a primary handler set
/// by the application (a proxy, a test double) is wrapped too.
/// </remarks>
internal sealed class ApiAuthenticationFilter(IOptionsMonitor<PartnerizeOptions> options, ILoggerFactory loggerFactory) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return builder =>
        {
            next(builder);
            if (string.Equals(builder.Name, PartnerizeHttpClientNames.Api, StringComparison.Ordinal))
            {
                builder.PrimaryHandler = new PartnerizeBasicAuthHandler(options, loggerFactory.CreateLogger<PartnerizeBasicAuthHandler>())
                {
                    InnerHandler = builder.PrimaryHandler,
                };
            }
        };
    }
}
