using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Partnerize.Client.Tests.Campaigns;

/// <summary>A fake clock that also records every timer asked of it, so a test knows a wait has begun before advancing.</summary>
internal sealed class RecordingTimeProvider : FakeTimeProvider
{
    public ConcurrentQueue<TimeSpan> RequestedTimers { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        RequestedTimers.Enqueue(dueTime);
        return base.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>Waits (in real time, briefly) until a timer of <paramref name="dueTime"/> has been asked for.</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!RequestedTimers.Contains(dueTime))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"No timer of {dueTime} was started; timers seen: {string.Join(", ", RequestedTimers)}");
            }

            await Task.Delay(1);
        }
    }
}
