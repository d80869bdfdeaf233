using Partnerize.Cli.Input;

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
    bool JsonLines)
{
    /// <summary>How to read the input file: --delimiter, --encoding, --decimal-comma, --strict-columns.</summary>
    public InputOptions Input { get; init; } = InputOptions.Default;
}
