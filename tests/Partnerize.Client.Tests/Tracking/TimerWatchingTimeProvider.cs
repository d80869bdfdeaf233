using Microsoft.Extensions.Time.Testing;

namespace Partnerize.Client.Tests.Tracking;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that says when a timer of a given length has been created, so a test can advance
/// the clock right after a back-off delay starts instead of guessing with real time.
/// </summary>
internal sealed class TimerWatchingTimeProvider : FakeTimeProvider
{
    private readonly object _gate = new();
    private readonly List<TimeSpan> _dueTimes = [];
    private readonly List<(Func<TimeSpan, bool> Matches, int Count, TaskCompletionSource Signal)> _waiters = [];

    public IReadOnlyList<TimeSpan> DueTimes
    {
        get
        {
            lock (_gate)
            {
                return [.. _dueTimes];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_gate)
        {
            _dueTimes.Add(dueTime);
            _waiters.RemoveAll(waiter =>
            {
                var done = _dueTimes.Count(waiter.Matches) >= waiter.Count;
                if (done)
                {
                    waiter.Signal.TrySetResult();
                }

                return done;
            });
        }

        return timer;
    }

    /// <summary>Completes once a timer of exactly <paramref name="dueTime"/> exists (or existed).</summary>
    public Task WaitForTimerAsync(TimeSpan dueTime) => WaitForTimersAsync(d => d == dueTime, 1);

    /// <summary>Completes once <paramref name="count"/> timers whose length <paramref name="matches"/> have been created.</summary>
    public Task WaitForTimersAsync(Func<TimeSpan, bool> matches, int count)
    {
        lock (_gate)
        {
            if (_dueTimes.Count(matches) >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((matches, count, signal));

            // A real-time guard only, so that a broken test fails instead of hanging.
            return signal.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
