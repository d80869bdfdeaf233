using System.Diagnostics;

namespace Partnerize.Client.Diagnostics.Internal;

/// <summary>The library's single <see cref="ActivitySource"/>; spans are cheap no-ops when nobody listens.</summary>
internal static class PartnerizeActivitySource
{
    public static readonly ActivitySource Instance = new(PartnerizeDiagnostics.ActivitySourceName, typeof(PartnerizeActivitySource).Assembly.GetName().Version?.ToString());
}
