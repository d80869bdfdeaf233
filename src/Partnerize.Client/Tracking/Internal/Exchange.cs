using System.Net;

namespace Partnerize.Client.Tracking.Internal;

/// <summary>How one conversion's HTTP exchange ended (retries included): what its <see cref="ConversionResult"/> reports.</summary>
internal readonly record struct Exchange(ConversionOutcome Outcome, HttpStatusCode? StatusCode, string? ResponseBody, string? FailureReason);
