namespace Partnerize.Client.DependencyInjection.Internal;

/// <summary>
/// Registered by the first <c>AddPartnerize</c> call so that later calls add nothing: a second auth handler or resilience
/// pipeline would send doubled headers and multiply retries.
/// </summary>
internal sealed class PartnerizeRegistrationMarker;
