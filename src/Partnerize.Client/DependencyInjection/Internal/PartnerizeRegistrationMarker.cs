namespace Partnerize.Client.DependencyInjection.Internal;

/// <summary>
/// Registered by the first <c>AddPartnerize</c> call, holding the builder it returned, so that later calls hand back the
/// same builder and add nothing: a second auth handler or resilience pipeline would send doubled headers and multiply
/// retries.
/// </summary>
internal sealed class PartnerizeRegistrationMarker(PartnerizeBuilder builder)
{
    public PartnerizeBuilder Builder { get; } = builder;
}
