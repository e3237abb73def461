namespace ActorSockets.Actors.Internal;

/// <summary>A small ring-buffer deque of envelopes for unstashed messages; used by one thread at a time.</summary>
internal sealed class EnvelopeDeque
{
    private Envelope[] _items = new Envelope[4];
    private int _head;

    public int Count { get; private set; }

    public void PushFront(in Envelope envelope)
    {
        if (Count == _items.Length)
        {
            var grown = new Envelope[_items.Length * 2];
            for (var i = 0; i < Count; i++)
            {
                grown[i] = _items[(_head + i) % _items.Length];
            }
            _items = grown;
            _head = 0;
        }
        _head = (_head - 1 + _items.Length) % _items.Length;
        _items[_head] = envelope;
        Count++;
    }

    public Envelope PopFront()
    {
        var envelope = _items[_head];
        _items[_head] = default;
        _head = (_head + 1) % _items.Length;
        Count--;
        return envelope;
    }
}
