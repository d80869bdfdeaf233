using Partnerize.Client.Serialization;
using Refit;

namespace Partnerize.Client.Campaigns.Internal;

/// <summary>The one Refit configuration of <see cref="IPartnerizeApi"/>: source-generated JSON and the library's own errors.</summary>
internal static class PartnerizeRefitSettings
{
    public static RefitSettings Instance { get; } = Create();

    private static RefitSettings Create() => new(new SystemTextJsonContentSerializer(PartnerizeJsonContext.Default.Options))
    {
        ExceptionFactory = PartnerizeApiErrors.FromResponseAsync,
        DeserializationExceptionFactory = PartnerizeApiErrors.FromDeserializationFailureAsync,
        TransportExceptionFactory = PartnerizeApiErrors.FromTransportFailure,
        MaxExceptionContentLength = PartnerizeApiException.MaxResponseBodyBytes,

        // The factories above mean Refit never builds its own exception; should a future path do so anyway, it must
        // not carry the credentials out.
        ExceptionRedactor = static exception =>
        {
            if (exception.RequestMessage is { } request)
            {
                request.Headers.Authorization = null;
            }
        },
    };
}
