using System.Diagnostics;
using System.Threading.Channels;
using Partnerize.Client.Diagnostics.Internal;

namespace Partnerize.Client.Tracking.Internal;

/// <summary>
/// One <c>TrackManyAsync</c> run: a producer reads the input, validates each row and starts its send once one of
/// <c>maxConcurrency</c> slots is free; the consumer (the enumerator the caller iterates) awaits the sends in input
/// order through a bounded channel, the reorder window.
/// </summary>
/// <remarks>
/// <para>Memory stays flat: at most <see cref="WindowSize"/> results wait behind a slow row, and the producer stops
/// reading while the window is full (back-pressure). At most <c>maxConcurrency</c> conversions are in flight, retries
/// and back-off included.</para>
/// <para>Cancellation (the call's token or the enumerator's): no new row is read or started, sends in flight are
/// cancelled, every row already read still comes out with one result, then <see cref="OperationCanceledException"/>.
/// When the caller stops iterating early, the same happens without the results being returned.</para>
/// </remarks>
internal sealed class TrackingBatch<T> : IAsyncEnumerable<ConversionResult>
{
    private readonly ConversionTracker _tracker;
    private readonly IAsyncEnumerable<T> _source;
    private readonly Func<T, long, TrackingContext, PreparedRow> _prepare;
    private readonly TrackingContext _context;
    private readonly int _maxConcurrency;
    private readonly IProgress<TrackingProgress>? _progress;
    private readonly TimeSpan _progressInterval;
    private readonly CancellationToken _callToken;
    private int _started;

    public TrackingBatch(
        ConversionTracker tracker,
        IAsyncEnumerable<T> source,
        Func<T, long, TrackingContext, PreparedRow> prepare,
        TrackingContext context,
        int maxConcurrency,
        IProgress<TrackingProgress>? progress,
        TimeSpan progressInterval,
        CancellationToken callToken)
    {
        _tracker = tracker;
        _source = source;
        _prepare = prepare;
        _context = context;
        _maxConcurrency = maxConcurrency;
        _progress = progress;
        _progressInterval = progressInterval;
        _callToken = callToken;
    }

    /// <summary>How many results may wait, finished, behind the oldest unfinished row.</summary>
    public int WindowSize => Math.Max(64, _maxConcurrency * 8);

    public IAsyncEnumerator<ConversionResult> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        // The input is read once, so the results can be enumerated once.
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The results of a TrackManyAsync call can be enumerated only once; call TrackManyAsync again to send again.");
        }

        return new Run(this, cancellationToken).ReadAsync().GetAsyncEnumerator(cancellationToken);
    }

    /// <summary>The state of one enumeration, shared by the producer and the consumer.</summary>
    private sealed class Run
    {
        private readonly TrackingBatch<T> _batch;
        private readonly CancellationToken _enumeratorToken;
        private readonly TimeProvider _time;
        private readonly TrackingSummaryBuilder _totals;
        private long _read;
        private int _inFlight;
        private long _lastReport;

        public Run(TrackingBatch<T> batch, CancellationToken enumeratorToken)
        {
            _batch = batch;
            _enumeratorToken = enumeratorToken;
            _time = batch._tracker.TimeProvider;
            _totals = new TrackingSummaryBuilder(_time);
            _lastReport = _time.GetTimestamp();
        }

        public async IAsyncEnumerable<ConversionResult> ReadAsync()
        {
            var batch = _batch;
            var logger = batch._tracker.Logger;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(batch._callToken, _enumeratorToken);
            using var slots = new SemaphoreSlim(batch._maxConcurrency, batch._maxConcurrency);
            using var activity = StartBatchActivity();
            var window = Channel.CreateBounded<Task<ConversionResult>>(new BoundedChannelOptions(batch.WindowSize)
            {
                SingleReader = true,
                SingleWriter = true,
            });

            logger.BatchStarted(batch._context.CampaignId, batch._maxConcurrency);
            var parent = activity?.Context ?? default;
            var producer = Task.Run(() => ProduceAsync(window.Writer, slots, parent, stop.Token), CancellationToken.None);
            var finished = false;
            try
            {
                while (await window.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    while (window.Reader.TryRead(out var pending))
                    {
                        var result = await pending.ConfigureAwait(false);
                        _totals.Add(result);
                        Report(force: false);
                        yield return result;
                    }
                }

                await producer.ConfigureAwait(false);
                batch._callToken.ThrowIfCancellationRequested();
                _enumeratorToken.ThrowIfCancellationRequested();
                finished = true;
            }
            finally
            {
                if (!finished)
                {
                    // Stopped early (cancelled, input failed, or the caller left the loop): stop the producer and
                    // wait for every started send, so that no request outlives the enumeration.
                    await stop.CancelAsync().ConfigureAwait(false);
                    while (await window.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
                    {
                        while (window.Reader.TryRead(out var pending))
                        {
                            _totals.Add(await pending.ConfigureAwait(false));
                        }
                    }

                    await producer.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
                }

                Finish(activity, producer);
            }
        }

        private async Task ProduceAsync(ChannelWriter<Task<ConversionResult>> writer, SemaphoreSlim slots, ActivityContext parent, CancellationToken stop)
        {
            var batch = _batch;
            try
            {
                var rows = batch._source.GetAsyncEnumerator(stop);
                await using (rows.ConfigureAwait(false))
                {
                    long index = 0;
                    while (!stop.IsCancellationRequested)
                    {
                        bool more;
                        try
                        {
                            more = await rows.MoveNextAsync().ConfigureAwait(false);
                        }
                        catch (OperationCanceledException) when (stop.IsCancellationRequested)
                        {
                            break;
                        }

                        if (!more)
                        {
                            break;
                        }

                        var position = index++;
                        Volatile.Write(ref _read, index);
                        var row = batch._prepare(rows.Current, position, batch._context);
                        var pending = row.Result is { } finishedRow
                            ? Task.FromResult(finishedRow)
                            : await StartAsync(row, position, slots, parent, stop).ConfigureAwait(false);

                        // Not cancellable: a row that was read must reach the consumer, which always drains the window.
                        await writer.WriteAsync(pending, CancellationToken.None).ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                writer.Complete();
            }
        }

        // A ValueTask: a free slot, the usual case while the sends keep up, then costs no task of its own.
        private async ValueTask<Task<ConversionResult>> StartAsync(PreparedRow row, long index, SemaphoreSlim slots, ActivityContext parent, CancellationToken stop)
        {
            try
            {
                await slots.WaitAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return Task.FromResult(_batch._tracker.CancelledBeforeSending(index, _batch._context, row));
            }

            if (stop.IsCancellationRequested)
            {
                slots.Release();
                return Task.FromResult(_batch._tracker.CancelledBeforeSending(index, _batch._context, row));
            }

            Interlocked.Increment(ref _inFlight);
            return SendInSlotAsync(row, index, slots, parent, stop);
        }

        private async Task<ConversionResult> SendInSlotAsync(PreparedRow row, long index, SemaphoreSlim slots, ActivityContext parent, CancellationToken stop)
        {
            try
            {
                return await _batch._tracker.SendAsync(_batch._context, index, row.Conversion!, row.Url!, parent, stop).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
                slots.Release();
            }
        }

        private Activity? StartBatchActivity()
        {
            // The batch span is the explicit parent of every send; it must not become the caller's current activity.
            var previous = Activity.Current;
            var activity = PartnerizeActivitySource.Instance.StartActivity(TrackingActivities.TrackConversions, ActivityKind.Internal);
            Activity.Current = previous;
            activity?.SetTag(TrackingActivities.CampaignIdTag, _batch._context.CampaignId);
            activity?.SetTag(TrackingActivities.MaxConcurrencyTag, _batch._maxConcurrency);
            return activity;
        }

        private void Report(bool force)
        {
            if (_batch._progress is not { } progress)
            {
                return;
            }

            var now = _time.GetTimestamp();
            if (!force && _time.GetElapsedTime(_lastReport, now) < _batch._progressInterval)
            {
                return;
            }

            _lastReport = now;
            var totals = _totals.ToSummary();
            progress.Report(new TrackingProgress
            {
                Read = Volatile.Read(ref _read),
                Completed = totals.Total,
                Sent = totals.Sent,
                Rejected = totals.Rejected,
                Failed = totals.Failed,
                Cancelled = totals.Cancelled,
                InFlight = Volatile.Read(ref _inFlight),
                Elapsed = totals.Elapsed,
            });
        }

        private void Finish(Activity? activity, Task producer)
        {
            Report(force: true);
            var totals = _totals.ToSummary();
            var campaign = _batch._context.CampaignId;
            var logger = _batch._tracker.Logger;
            var read = Volatile.Read(ref _read);
            if (producer.IsFaulted)
            {
                var exceptionType = producer.Exception!.InnerException!.GetType().Name;
                logger.BatchInputFailed(campaign, read, exceptionType);
            }
            else if (_batch._callToken.IsCancellationRequested || _enumeratorToken.IsCancellationRequested)
            {
                logger.BatchCancelled(campaign, read, totals.Sent, totals.Cancelled);
            }

            logger.BatchCompleted(campaign, totals.Total, totals.Sent, totals.Rejected, totals.Failed, totals.Cancelled, totals.Elapsed.TotalMilliseconds);
            if (activity is not null)
            {
                activity.SetTag(TrackingActivities.TotalTag, totals.Total);
                activity.SetTag(TrackingActivities.SentTag, totals.Sent);
                activity.SetTag(TrackingActivities.RejectedTag, totals.Rejected);
                activity.SetTag(TrackingActivities.FailedTag, totals.Failed);
                activity.SetTag(TrackingActivities.CancelledTag, totals.Cancelled);
                if (producer.IsFaulted)
                {
                    activity.SetStatus(ActivityStatusCode.Error, "Reading the input failed.");
                }
            }
        }
    }
}
