namespace Partnerize.Client.Tracking.Internal;

/// <summary>Reads an <see cref="IEnumerable{T}"/> through the asynchronous pipeline; the batch reads it on a pool thread.</summary>
internal sealed class SyncSource<T> : IAsyncEnumerable<T>
{
    private readonly IEnumerable<T> _source;

    public SyncSource(IEnumerable<T> source) => _source = source;

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        new Enumerator(_source.GetEnumerator(), cancellationToken);

    private sealed class Enumerator : IAsyncEnumerator<T>
    {
        private readonly IEnumerator<T> _inner;
        private readonly CancellationToken _cancellationToken;

        public Enumerator(IEnumerator<T> inner, CancellationToken cancellationToken)
        {
            _inner = inner;
            _cancellationToken = cancellationToken;
        }

        public T Current => _inner.Current;

        public ValueTask<bool> MoveNextAsync()
        {
            _cancellationToken.ThrowIfCancellationRequested();
            return new ValueTask<bool>(_inner.MoveNext());
        }

        public ValueTask DisposeAsync()
        {
            _inner.Dispose();
            return default;
        }
    }
}
