using System.Globalization;

namespace ActorSockets.Benchmarks.Chat;

/// <summary>The settings of one <c>chat-fanout</c> run.</summary>
public sealed record ChatFanoutOptions
{
    /// <summary>Gets how many members listen in the room (the speaker comes on top). Defaults to 1,000.</summary>
    public int Members { get; init; } = 1000;

    /// <summary>Gets how many messages the burst sends as fast as it can. Defaults to 1,000.</summary>
    public int BurstMessages { get; init; } = 1000;

    /// <summary>Gets the paced run's rate in messages per second. Defaults to 500 (500,000 deliveries/s with 1,000 members, the target).</summary>
    public int PacedRate { get; init; } = 500;

    /// <summary>Gets how many messages the paced run sends. Defaults to 1,000 (2 s at the default rate).</summary>
    public int PacedMessages { get; init; } = 1000;

    /// <summary>Gets how many times each measurement runs; the median is reported. Defaults to 3.</summary>
    public int Runs { get; init; } = 3;

    internal const string Usage = """
        usage: ActorSockets.Benchmarks chat-fanout [options]

        Fans messages out through a real ChatRoom actor to N members and prints deliveries/s and the delay from
        send to the last member's delivery (p50/p99/max), for: lightweight member actors, real ChatSessions over
        connections that acknowledge at once, and a baseline of plain bounded channels without actors.

          --members N          listening members (default 1000)
          --messages N         messages in the burst (default 1000)
          --rate N             paced messages per second (default 500)
          --paced-messages N   messages in the paced run (default 1000)
          --runs N             runs per measurement, median reported (default 3)
        """;

    internal static ChatFanoutOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = new ChatFanoutOptions();
        for (var i = 0; i < args.Count; i++)
        {
            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                error = $"{args[i]} needs a positive whole number";
                return null;
            }

            switch (args[i])
            {
                case "--members": options = options with { Members = value }; break;
                case "--messages": options = options with { BurstMessages = value }; break;
                case "--rate": options = options with { PacedRate = value }; break;
                case "--paced-messages": options = options with { PacedMessages = value }; break;
                case "--runs": options = options with { Runs = value }; break;
                default:
                    error = $"unknown option {args[i]}";
                    return null;
            }

            i++;
        }

        error = null;
        return options;
    }
}
