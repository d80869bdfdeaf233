using System.Threading.Tasks.Sources;

namespace Partnerize.Client.Tracking.Internal;

/// <summary>
/// A reusable wake-up for one waiter at a time, without a task per wait. The owner decides under its own lock who is
/// waiting, so that <see cref="Set"/> is called exactly once for each <see cref="WaitAsync"/>; the waiter's
/// continuation runs on the thread that calls <see cref="Set"/>, which saves a thread-pool hop.
/// </summary>
internal sealed class AsyncSignal : IValueTaskSource
{
    private ManualResetValueTaskSourceCore<bool> _core;

    /// <summary>Completes when <see cref="Set"/> is called (or at once if it already was since the last wait).</summary>
    public ValueTask WaitAsync() => new(this, _core.Version);

    /// <summary>Wakes the waiter. Call only outside the owner's lock: the waiter may run inside this call.</summary>
    public void Set() => _core.SetResult(true);

    void IValueTaskSource.GetResult(short token)
    {
        _core.GetResult(token);
        _core.Reset();
    }

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
