using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Partnerize.Client.Diagnostics.Internal;

namespace Partnerize.Client.Tracking.Internal;

/// <summary>
/// One <c>TrackManyAsync</c> run: <c>maxConcurrency</c> workers each take the next row of the input, validate it,
/// send it and leave its result in a ring, the reorder window; the consumer (the enumerator the caller iterates)
/// takes the results out in input order and is woken only when the one it waits for is there.
/// </summary>
/// <remarks>
/// <para>Memory stays flat: at most <see cref="WindowSize"/> results wait behind a slow row, and the workers stop
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

    /// <summary>The state of one enumeration, shared by the workers and the consumer.</summary>
#pragma warning disable CA1001 // ReadAsync owns the run's lifetime and disposes its semaphore once every worker is done.
    private sealed class Run
#pragma warning restore CA1001
    {
        private static readonly Action<object?> WakeReaderOnStop = static state => ((Run)state!).WakeReader();

        private readonly TrackingBatch<T> _batch;
        private readonly CancellationToken _enumeratorToken;
        private readonly TimeProvider _time;
        private readonly TrackingSummaryBuilder _totals;

        // Guards the fields below it; never held across an await or while a signal is set.
        private readonly object _lock = new();

        // Row i's result waits in slot i % length until the consumer takes it: the reorder window plus the row at its head.
        private readonly ConversionResult?[] _window;
        private readonly AsyncSignal _resultReady = new();
        private readonly AsyncSignal _spaceFree = new();
        private long _read;
        private long _yielded;
        private bool _inputDone;
        private long _failedAt = long.MaxValue;
        private ExceptionDispatchInfo? _failure;
        private bool _consumerWaiting;
        private bool _readerWaiting;

        // One worker at a time reads the input: the rows get their indexes in input order, and the input is read once.
        private readonly SemaphoreSlim _reading = new(1, 1);
        private IAsyncEnumerator<T>? _rows;

        private CancellationToken _stop;
        private ActivityContext _parent;
        private int _inFlight;
        private long _lastReport;

        public Run(TrackingBatch<T> batch, CancellationToken enumeratorToken)
        {
            _batch = batch;
            _enumeratorToken = enumeratorToken;
            _time = batch._tracker.TimeProvider;
            _totals = new TrackingSummaryBuilder(_time);
            _lastReport = _time.GetTimestamp();
            _window = new ConversionResult?[batch.WindowSize + 1];
        }

        private enum Step
        {
            Took,
            Wait,
            End,
        }

        /// <summary>What <see cref="ReadNextAsync"/> took from the input; <c>default</c> when there is nothing more to send.</summary>
        private readonly record struct NextRow(bool HasRow, T Item, long Index);

        public async IAsyncEnumerable<ConversionResult> ReadAsync()
        {
            var batch = _batch;
            var logger = batch._tracker.Logger;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(batch._callToken, _enumeratorToken);
            using var activity = StartBatchActivity();
            using var reading = _reading;

            logger.BatchStarted(batch._context.CampaignId, batch._maxConcurrency);
            _stop = stop.Token;
            _parent = activity?.Context ?? default;
            using var wakeOnStop = _stop.UnsafeRegister(WakeReaderOnStop, this);
            var workers = StartWorkers();
            var finished = false;
            try
            {
                while (true)
                {
                    var step = Next(out var result);
                    if (step == Step.Wait)
                    {
                        await _resultReady.WaitAsync().ConfigureAwait(false);
                        continue;
                    }

                    if (step == Step.End)
                    {
                        break;
                    }

                    _totals.Add(result!);
                    Report(force: false);
                    yield return result!;
                }

                _failure?.Throw();
                await workers.ConfigureAwait(false);
                batch._callToken.ThrowIfCancellationRequested();
                _enumeratorToken.ThrowIfCancellationRequested();
                finished = true;
            }
            finally
            {
                if (!finished)
                {
                    // Stopped early (cancelled, input failed, or the caller left the loop): stop reading, cancel the
                    // sends and wait for every worker, so that no request outlives the enumeration.
                    await stop.CancelAsync().ConfigureAwait(false);
                    await workers.ConfigureAwait(false);
                    AddUnreturned();
                }

                Finish(activity);
            }
        }

        private Task StartWorkers()
        {
            // On pool threads: an IEnumerable input is read, and rows validated, off the caller's thread.
            var workers = new Task[_batch._maxConcurrency];
            Func<Task> work = WorkAsync;
            for (var i = 0; i < workers.Length; i++)
            {
                workers[i] = Task.Run(work, CancellationToken.None);
            }

            return Task.WhenAll(workers);
        }

        /// <summary>
        /// One of <c>maxConcurrency</c> workers: takes the next row, validates it, sends it and leaves its result in the
        /// window, until the input ends or the batch stops. Each worker has at most one send in flight, so the batch has
        /// at most <c>maxConcurrency</c>, retries and back-off included; the next row starts on the thread that finished
        /// the last one. Never throws.
        /// </summary>
        private async Task WorkAsync()
        {
            var batch = _batch;
            var tracker = batch._tracker;

            // Each send registers on the token it is given (HttpClient, the attempt timeout, the body read): one source per
            // worker, linked once to the batch's, keeps those registrations off a source every worker would contend for.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(_stop);
            while (true)
            {
                var next = await ReadNextAsync().ConfigureAwait(false);
                if (!next.HasRow)
                {
                    return;
                }

                ConversionResult result;
                try
                {
                    var row = batch._prepare(next.Item, next.Index, batch._context);
                    if (row.Result is { } finished)
                    {
                        result = finished;
                    }
                    else if (stop.IsCancellationRequested)
                    {
                        result = tracker.CancelledBeforeSending(next.Index, batch._context, row);
                    }
                    else
                    {
                        // Awaited here, not in a helper: the worker's own state machine is reused from row to row.
                        Interlocked.Increment(ref _inFlight);
                        try
                        {
                            result = await tracker.SendAsync(batch._context, next.Index, row.ConversionRef!, row.Url!, _parent, stop.Token).ConfigureAwait(false);
                        }
                        finally
                        {
                            Interlocked.Decrement(ref _inFlight);
                        }
                    }
                }
#pragma warning disable CA1031 // Surfaces to the caller through the enumeration, after the rows before this one.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    Fail(next.Index, exception);
                    continue;
                }

                Store(next.Index, result);
            }
        }

        /// <summary>The next row and its index, once the window has room for its result; none once the input is over.</summary>
        private async ValueTask<NextRow> ReadNextAsync()
        {
            await _reading.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                if (_inputDone)
                {
                    return default;
                }

                // Back-pressure: while the window is full nothing more is read.
                while (!HasRoomOrMustStop())
                {
                    await _spaceFree.WaitAsync().ConfigureAwait(false);
                }

                if (_stop.IsCancellationRequested || Volatile.Read(ref _failedAt) != long.MaxValue)
                {
                    await EndInputAsync(null).ConfigureAwait(false);
                    return default;
                }

                IAsyncEnumerator<T>? rows = null;
                bool more;
                try
                {
                    rows = _rows ??= _batch._source.GetAsyncEnumerator(_stop);
                    more = await rows.MoveNextAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                    more = false;
                }
#pragma warning disable CA1031 // The input's exception surfaces to the caller after the rows read before it.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    await EndInputAsync(exception).ConfigureAwait(false);
                    return default;
                }

                if (!more)
                {
                    await EndInputAsync(null).ConfigureAwait(false);
                    return default;
                }

                var item = rows!.Current;
                long index;
                lock (_lock)
                {
                    index = _read;
                    Volatile.Write(ref _read, index + 1);
                }

                return new NextRow(true, item, index);
            }
            finally
            {
                _reading.Release();
            }
        }

        private bool HasRoomOrMustStop()
        {
            lock (_lock)
            {
                // The stop is checked under the lock: WakeReader takes it too, so a stop is never missed.
                if (_read - _yielded < _window.Length || _stop.IsCancellationRequested || _failedAt != long.MaxValue)
                {
                    return true;
                }

                _readerWaiting = true;
                return false;
            }
        }

        /// <summary>Ends the input (under the reading gate): disposes it and tells the consumer how many rows there are.</summary>
        private async ValueTask EndInputAsync(Exception? failure)
        {
            if (_rows is { } rows)
            {
                try
                {
                    await rows.DisposeAsync().ConfigureAwait(false);
                }
#pragma warning disable CA1031 // Surfaces to the caller like any other failure of the input.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    failure ??= exception;
                }
            }

            bool wake;
            lock (_lock)
            {
                _inputDone = true;
                if (failure is not null && _read < _failedAt)
                {
                    _failedAt = _read;
                    _failure = ExceptionDispatchInfo.Capture(failure);
                }

                wake = ConsumerCanGoOn();
            }

            if (wake)
            {
                _resultReady.Set();
            }
        }

        private void Store(long index, ConversionResult result)
        {
            bool wake;
            lock (_lock)
            {
                _window[(int)(index % _window.Length)] = result;
                wake = ConsumerCanGoOn();
            }

            if (wake)
            {
                _resultReady.Set();
            }
        }

        /// <summary>A row's validation or send threw (a custom validator, say): the batch ends with it after the rows before it.</summary>
        private void Fail(long index, Exception exception)
        {
            bool wake;
            lock (_lock)
            {
                if (index < _failedAt)
                {
                    _failedAt = index;
                    _failure = ExceptionDispatchInfo.Capture(exception);
                }

                wake = ConsumerCanGoOn();
            }

            if (wake)
            {
                _resultReady.Set();
            }
        }

        /// <summary>Under the lock: whether the consumer waits and now has a result to take or the end to see; it is then no longer waiting.</summary>
        private bool ConsumerCanGoOn()
        {
            if (!_consumerWaiting
                || (_window[(int)(_yielded % _window.Length)] is null && _yielded != _failedAt && !(_inputDone && _yielded == _read)))
            {
                return false;
            }

            _consumerWaiting = false;
            return true;
        }

        /// <summary>The consumer's step: the next result in input order, a wait for it, or the end.</summary>
        private Step Next(out ConversionResult? result)
        {
            bool wakeReader;
            lock (_lock)
            {
                if (_yielded == _failedAt || (_inputDone && _yielded == _read))
                {
                    result = null;
                    return Step.End;
                }

                var slot = (int)(_yielded % _window.Length);
                result = _window[slot];
                if (result is null)
                {
                    _consumerWaiting = true;
                    return Step.Wait;
                }

                _window[slot] = null;
                _yielded++;
                wakeReader = _readerWaiting;
                _readerWaiting = false;
            }

            if (wakeReader)
            {
                _spaceFree.Set();
            }

            return Step.Took;
        }

        private void WakeReader()
        {
            bool wake;
            lock (_lock)
            {
                wake = _readerWaiting;
                _readerWaiting = false;
            }

            if (wake)
            {
                _spaceFree.Set();
            }
        }

        /// <summary>After an early stop, with every worker done: counts the results the caller never took, for the batch's totals.</summary>
        private void AddUnreturned()
        {
            for (var index = _yielded; index < _read; index++)
            {
                if (_window[(int)(index % _window.Length)] is { } result)
                {
                    _totals.Add(result);
                }
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

        private void Finish(Activity? activity)
        {
            Report(force: true);
            var totals = _totals.ToSummary();
            var campaign = _batch._context.CampaignId;
            var logger = _batch._tracker.Logger;
            var read = Volatile.Read(ref _read);
            if (_failure is { } failure)
            {
                logger.BatchInputFailed(campaign, read, failure.SourceException.GetType().Name);
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
                if (_failure is not null)
                {
                    activity.SetStatus(ActivityStatusCode.Error, "Reading the input failed.");
                }
            }
        }
    }
}
