namespace Partnerize.Client.Tracking.Internal;

/// <summary>
/// The tracking client's back-off between attempts: exponential with jitter from
/// <see cref="PartnerizeOptions.RetryBaseDelay"/>, capped at <see cref="PartnerizeOptions.MaxRetryDelay"/>.
/// </summary>
/// <remarks>
/// The formula is Polly's "decorrelated jitter" (V2, credited there to George Polevoy), the one Polly applies for
/// <c>DelayBackoffType.Exponential</c> with <c>UseJitter</c>, which this client used before its retries moved out of
/// Polly: delays roughly double per attempt, spread smoothly so that many rows failing together do not retry in step,
/// and the first one averages <c>RetryBaseDelay</c>.
/// </remarks>
internal static class RetryBackoff
{
    private const double ScalingFactor = 1 / 1.4d;
    private const double PFactor = 4.0;

    /// <summary>The delay before the retry that follows attempt <paramref name="attempt"/> (0 for the first attempt).</summary>
    /// <param name="attempt">Zero-based number of the attempt that just failed.</param>
    /// <param name="baseDelay">The first delay, on average.</param>
    /// <param name="maxDelay">The cap.</param>
    /// <param name="random">A uniform random number in [0, 1).</param>
    /// <param name="state">Carried from one call to the next within one request; starts at 0.</param>
    public static TimeSpan Next(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, double random, ref double state)
    {
        var t = attempt + random;
        var next = Math.Pow(2, t) * Math.Tanh(Math.Sqrt(PFactor * t));
        var ticks = (next - state) * ScalingFactor * baseDelay.Ticks;
        state = next;

        // Past the cap (or past what a double can hold, after many attempts) the cap is the answer.
        return double.IsFinite(ticks) && ticks < maxDelay.Ticks
            ? TimeSpan.FromTicks(Math.Max(0, (long)ticks))
            : maxDelay;
    }
}
