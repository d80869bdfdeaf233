#pragma warning disable CA1707, IDE1006 // lower-case names: these are the variables the samples take as given
using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Partnerize.Client.Campaigns;
using Partnerize.Client.Conversions;
using Partnerize.Client.Mapping;
using Partnerize.Client.Tracking;

namespace Partnerize.Client.Samples.Tests.Compilation;

/// <summary>
/// What a code fragment in the docs may use without declaring it, as a reader would have it in scope: the
/// application builder, the container, the configuration and the resolved services. Fragments are only compiled
/// against these, never run, so the values are never read.
/// </summary>
public sealed class DocsSampleGlobals
{
    /// <summary>The application's builder (<c>builder.Services</c>, <c>builder.Configuration</c>).</summary>
    public WebApplicationBuilder builder { get; } = null!;

    /// <summary>The application's service collection.</summary>
    public IServiceCollection services { get; } = null!;

    /// <summary>The application's configuration.</summary>
    public IConfiguration configuration { get; } = null!;

    /// <summary>The conversion tracker, resolved from the container.</summary>
    public IConversionTracker tracker { get; } = null!;

    /// <summary>The campaigns client, resolved from the container.</summary>
    public ICampaignsClient campaigns { get; } = null!;

    /// <summary>The typed management API, resolved from the container.</summary>
    public IPartnerizeApi api { get; } = null!;

    /// <summary>A field mapping.</summary>
    public ConversionMapping mapping { get; } = null!;

    /// <summary>A database command, prepared with the query that selects the rows to send.</summary>
    public DbCommand command { get; } = null!;

    /// <summary>Conversions to send.</summary>
    public IEnumerable<ConversionDraft> drafts { get; } = null!;

    /// <summary>A campaign ID.</summary>
    public string campaignId { get; } = null!;

    /// <summary>The result of the connection test shown earlier on the page (docs/campaigns.md).</summary>
    public ConnectionTestResult result { get; } = null!;

    /// <summary>A test's fake HTTP handler.</summary>
    public HttpMessageHandler fakeHandler { get; } = null!;

    /// <summary>The caller's cancellation token.</summary>
    public CancellationToken cancellationToken { get; }
}
