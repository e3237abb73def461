using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ActorSockets.Benchmarks.Cluster;

public static partial class ClusterFanoutCommand
{
    /// <summary>The speaker and the members, with every member's reader recording when each numbered line arrived.</summary>
    private sealed class Room : IAsyncDisposable
    {
        private readonly List<Socket> _sockets = [];
        private readonly List<Member> _members = [];
        private readonly CancellationTokenSource _stop = new();
        private Socket _speaker = null!;
        private int _round;

        public static async Task<Room> ConnectAsync(Hosts hosts, int members, TimeSpan timeout)
        {
            var room = new Room();
            room._speaker = await ConnectOneAsync(hosts.ChatEndpoints[0]);
            room._sockets.Add(room._speaker);
            _ = DrainAsync(room._speaker, room._stop.Token);
            for (var i = 0; i < members; i++)
            {
                var socket = await ConnectOneAsync(hosts.ChatEndpoints[i % hosts.ChatEndpoints.Count]);
                room._sockets.Add(socket);
                var member = new Member(socket);
                room._members.Add(member);
                _ = member.ReadAsync(room._stop.Token);
            }

            // Until a ping reaches every member, on every host (pub-sub subscriptions travel by gossip).
            var deadline = Stopwatch.StartNew();
            for (var ping = 0; room._members.Any(m => m.Pings == 0); ping++)
            {
                if (deadline.Elapsed > timeout)
                {
                    throw new TimeoutException($"{room._members.Count(m => m.Pings == 0)} members never heard the speaker");
                }

                await room._speaker.SendAsync(Encoding.ASCII.GetBytes($"ping {ping}\n"));
                await Task.Delay(200);
            }

            return room;
        }

        public async Task<Figures> MeasureAsync(int lines, int? rate, TimeSpan timeout)
        {
            var round = ++_round;
            var sent = new long[lines];
            foreach (var member in _members)
            {
                member.Begin(round, lines);
            }

            var clock = Stopwatch.StartNew();
            for (var i = 0; i < lines; i++)
            {
                if (rate is { } perSecond)
                {
                    var due = TimeSpan.FromSeconds((double)i / perSecond);
                    if (due > clock.Elapsed)
                    {
                        await Task.Delay(due - clock.Elapsed);
                    }
                }

                sent[i] = Stopwatch.GetTimestamp();
                await _speaker.SendAsync(Encoding.ASCII.GetBytes($"m {round} {i}\n"));
            }

            var expected = (long)lines * _members.Count;
            while (_members.Sum(m => m.Received) < expected && clock.Elapsed < timeout)
            {
                await Task.Delay(50);
            }

            var delays = new List<double>(lines);
            long last = 0;
            for (var i = 0; i < lines; i++)
            {
                var arrivals = _members.Select(m => m.Arrival(i)).Where(t => t > 0).ToList();
                if (arrivals.Count > 0)
                {
                    var latest = arrivals.Max();
                    last = Math.Max(last, latest);
                    delays.Add(Stopwatch.GetElapsedTime(sent[i], latest).TotalMilliseconds);
                }
            }

            delays.Sort();
            var received = _members.Sum(m => m.Received);
            var seconds = Stopwatch.GetElapsedTime(sent[0], last == 0 ? Stopwatch.GetTimestamp() : last).TotalSeconds;
            return new Figures(
                received / seconds,
                delays.Count == 0 ? double.NaN : delays[delays.Count / 2],
                delays.Count == 0 ? double.NaN : delays[Math.Min(delays.Count - 1, (int)(delays.Count * 0.99))],
                expected - received,
                _members.Sum(m => m.Duplicated),
                _members.Sum(m => m.Reordered));
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            foreach (var socket in _sockets)
            {
                socket.Dispose();
            }

            _stop.Dispose();
        }

        private static async Task<Socket> ConnectOneAsync(IPEndPoint endpoint)
        {
            var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(endpoint);
            return socket;
        }

        private static async Task DrainAsync(Socket socket, CancellationToken cancel)
        {
            var buffer = new byte[65536];
            try
            {
                while (await socket.ReceiveAsync(buffer, cancel) > 0)
                {
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Stopped.
            }
        }
    }

    /// <summary>One listening member: parses <c>[nick] m ROUND SEQ</c> lines and stamps their arrival.</summary>
    private sealed class Member(Socket socket)
    {
        private long[] _arrivals = [];
        private int _round;
        private long _received;
        private long _next;

        public int Pings { get; private set; }

        public long Received => Interlocked.Read(ref _received);

        public long Duplicated { get; private set; }

        public long Reordered { get; private set; }

        public void Begin(int round, int lines)
        {
            lock (this)
            {
                _arrivals = new long[lines];
                _round = round;
                _next = 0;
                Duplicated = 0;
                Reordered = 0;
                Interlocked.Exchange(ref _received, 0);
            }
        }

        public long Arrival(int seq)
        {
            lock (this)
            {
                return _arrivals[seq];
            }
        }

        public async Task ReadAsync(CancellationToken cancel)
        {
            var buffer = new byte[256 * 1024];
            var pending = new StringBuilder();
            try
            {
                int count;
                while ((count = await socket.ReceiveAsync(buffer, cancel)) > 0)
                {
                    var now = Stopwatch.GetTimestamp();
                    pending.Append(Encoding.UTF8.GetString(buffer, 0, count));
                    var text = pending.ToString();
                    var end = text.LastIndexOf('\n');
                    if (end < 0)
                    {
                        continue;
                    }

                    pending.Clear().Append(text, end + 1, text.Length - end - 1);
                    foreach (var line in text[..end].Split('\n'))
                    {
                        Handle(line.TrimEnd('\r'), now);
                    }
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Stopped.
            }
        }

        private void Handle(string line, long now)
        {
            var close = line.IndexOf("] ", StringComparison.Ordinal);
            if (!line.StartsWith('[') || close < 0)
            {
                return;
            }

            var words = line[(close + 2)..].Split(' ');
            if (words is ["ping", _])
            {
                Pings++;
                return;
            }

            if (words is not ["m", var round, var seqText] || !long.TryParse(seqText, CultureInfo.InvariantCulture, out var seq))
            {
                return;
            }

            lock (this)
            {
                if (round != _round.ToString(CultureInfo.InvariantCulture) || seq >= _arrivals.Length)
                {
                    return;
                }

                if (_arrivals[seq] != 0)
                {
                    Duplicated++;
                    return;
                }

                if (seq != _next)
                {
                    Reordered++;
                }

                _next = seq + 1;
                _arrivals[seq] = now;
                Interlocked.Increment(ref _received);
            }
        }
    }
}
