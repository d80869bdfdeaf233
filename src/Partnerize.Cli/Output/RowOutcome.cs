using Partnerize.Cli.Input;

namespace Partnerize.Cli.Output;

/// <summary>What happened to one input row, as the tool reports it.</summary>
internal sealed record RowOutcome
{
    public const string Sent = "sent";
    public const string WouldSend = "would-send";
    public const string Rejected = "rejected";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public required InputRow Row { get; init; }

    public required string Outcome { get; init; }

    public string? ConversionRef { get; init; }

    public string? Url { get; init; }

    public int? Status { get; init; }

    public int Attempts { get; init; }

    public IReadOnlyList<RowError> Errors { get; init; } = [];

    public string? Reason { get; init; }

    public bool IsSuccess => Outcome is Sent or WouldSend;

    /// <summary>Every reason in one line, for people and for the report.</summary>
    public string Describe() => Errors.Count > 0
        ? string.Join(" | ", Errors.Select(e => e.Column is null ? $"{e.Field}: {e.Message}" : $"{e.Field} (column {e.Column}): {e.Message}"))
        : Reason ?? string.Empty;
}
