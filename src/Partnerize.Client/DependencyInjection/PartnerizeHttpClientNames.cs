namespace Partnerize.Client;

/// <summary>The names of the HTTP clients that <c>AddPartnerize</c> registers with <c>IHttpClientFactory</c>.</summary>
public static class PartnerizeHttpClientNames
{
    /// <summary>The management API client; it carries HTTP Basic authentication.</summary>
    public const string Api = "Partnerize.Api";

    /// <summary>The tracking host client; it never carries credentials.</summary>
    public const string Tracking = "Partnerize.Tracking";
}
