using System.Collections.Concurrent;

namespace Partnerize.Client.Tracking.Internal;

/// <summary>
/// Hands out the cancellation source that bounds one tracking attempt to <see cref="PartnerizeOptions.TrackingTimeout"/>
/// on the container's <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// On the system clock a source whose timer never fired is reset and reused, so a healthy attempt allocates no source
/// and no timer (Polly's timeout strategy pools them the same way). Any other clock (a fake one in tests) gets a new
/// source that runs its timer on that clock.
/// </remarks>
internal sealed class AttemptTimeouts
{
    // Enough for a few batches at high concurrency; beyond it a returned source is simply dropped.
    private const int MaxPooled = 1024;

    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentQueue<CancellationTokenSource> _pool = new();
    private int _pooled;

    public AttemptTimeouts(TimeProvider timeProvider) => _timeProvider = timeProvider;

    public CancellationTokenSource Start(TimeSpan timeout)
    {
        if (_timeProvider != TimeProvider.System)
        {
            return new CancellationTokenSource(timeout, _timeProvider);
        }

        if (_pool.TryDequeue(out var source))
        {
            Interlocked.Decrement(ref _pooled);
        }
        else
        {
            source = new CancellationTokenSource();
        }

        source.CancelAfter(timeout);
        return source;
    }

    public void Return(CancellationTokenSource source)
    {
        // TryReset fails once the source has been cancelled (the attempt timed out or the caller cancelled).
        if (_timeProvider == TimeProvider.System && source.TryReset())
        {
            if (Interlocked.Increment(ref _pooled) <= MaxPooled)
            {
                _pool.Enqueue(source);
                return;
            }

            Interlocked.Decrement(ref _pooled);
        }

        source.Dispose();
    }
}
