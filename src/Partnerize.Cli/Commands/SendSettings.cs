namespace Partnerize.Cli.Commands;

/// <summary>What <c>partnerize send</c> was asked to do.</summary>
internal sealed record SendSettings(
    string InputPath,
    string MappingPath,
    string CampaignId,
    int? Concurrency,
    string? ReportPath,
    Uri? TrackingUrl,
    bool DryRun,
    bool Sandbox,
    bool JsonLines);
