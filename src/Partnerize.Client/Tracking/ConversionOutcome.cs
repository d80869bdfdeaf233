namespace Partnerize.Client.Tracking;

/// <summary>What happened to one conversion handed to <see cref="IConversionTracker"/>.</summary>
public enum ConversionOutcome
{
    /// <summary>Partnerize answered with a 2xx status: it received the conversion, which now waits in a <c>pending</c> state for its validation and approval.</summary>
    Sent,

    /// <summary>The conversion failed validation (see <see cref="ConversionResult.Rejections"/>) and was never sent.</summary>
    Rejected,

    /// <summary>Partnerize refused the conversion with a permanent status, or every attempt failed with a transient error; see <see cref="ConversionResult.FailureReason"/>.</summary>
    Failed,

    /// <summary>The operation was cancelled before Partnerize answered with a 2xx status.</summary>
    Cancelled,
}
