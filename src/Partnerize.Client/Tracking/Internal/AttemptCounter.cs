namespace Partnerize.Client.Tracking.Internal;

/// <summary>
/// Counts the HTTP attempts of one conversion. It travels in <see cref="HttpRequestMessage.Options"/> because the
/// retry handler re-sends the same request message on every retry, past <see cref="TrackingAttemptHandler"/>.
/// </summary>
internal sealed class AttemptCounter
{
    public static readonly HttpRequestOptionsKey<AttemptCounter> Key = new("Partnerize.Tracking.Attempts");

    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Increment() => Interlocked.Increment(ref _count);
}
