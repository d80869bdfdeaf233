namespace Partnerize.Client.Campaigns;

/// <summary>What went wrong in a call to the Partnerize management API.</summary>
public enum PartnerizeApiErrorKind
{
    /// <summary>Partnerize answered with a non-success status (see <see cref="PartnerizeApiException.StatusCode"/>).</summary>
    ErrorResponse,

    /// <summary>The API host could not be reached: DNS, connection refused, TLS, proxy.</summary>
    ConnectionFailed,

    /// <summary>No answer arrived within <c>Partnerize:ApiTimeout</c>, on every attempt.</summary>
    Timeout,

    /// <summary>An answer arrived but is not what the API sends: not JSON, the wrong shape, or a paging link that cannot be followed.</summary>
    InvalidResponse,
}
