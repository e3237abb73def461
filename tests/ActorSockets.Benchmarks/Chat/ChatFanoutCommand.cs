using System.Globalization;
using ActorSockets.Benchmarks.Chat.Internal;

namespace ActorSockets.Benchmarks.Chat;

/// <summary>
/// The <c>chat-fanout</c> subcommand: one speaker, N listening members in one room, every message delivered to
/// every member. Prints deliveries/s and the delay from send to the last member's delivery for a burst (as fast
/// as possible) and a paced run, against a plain-channels baseline in the same run.
/// </summary>
public static class ChatFanoutCommand
{
    /// <summary>The subcommand's name.</summary>
    public const string Name = "chat-fanout";

    /// <summary>Gets whether <paramref name="args"/> name this subcommand.</summary>
    public static bool Handles(IReadOnlyList<string> args) => args is [Name, ..];

    /// <summary>Runs the benchmark and returns the process exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = ChatFanoutOptions.Parse([.. args.Skip(1)], out var error);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(error + Environment.NewLine + ChatFanoutOptions.Usage);
            return 2;
        }

        Console.WriteLine($"chat-fanout: {options.Members} members, burst of {options.BurstMessages} messages, paced {options.PacedMessages} at {options.PacedRate}/s, median of {options.Runs} runs ({Environment.ProcessorCount} cores)");
        await FanoutScenarios.RoomToMembersAsync(100, 50, null); // warm up the JIT and the thread pool
        await FanoutScenarios.RoomToSessionsAsync(100, 50, null);

        var rows = new List<FanoutFigures>
        {
            await MedianAsync(options.Runs, () => FanoutScenarios.ChannelsAsync(options.Members, options.BurstMessages, null)),
            await MedianAsync(options.Runs, () => FanoutScenarios.RoomToMembersAsync(options.Members, options.BurstMessages, null)),
            await MedianAsync(options.Runs, () => FanoutScenarios.RoomToSessionsAsync(options.Members, options.BurstMessages, null)),
            await MedianAsync(options.Runs, () => FanoutScenarios.ChannelsAsync(options.Members, options.PacedMessages, options.PacedRate)),
            await MedianAsync(options.Runs, () => FanoutScenarios.RoomToMembersAsync(options.Members, options.PacedMessages, options.PacedRate)),
            await MedianAsync(options.Runs, () => FanoutScenarios.RoomToSessionsAsync(options.Members, options.PacedMessages, options.PacedRate)),
        };

        Console.WriteLine();
        Console.WriteLine($"{"scenario",-38} {"deliveries",11} {"deliveries/s",13} {"vs base",8} {"p50 ms",8} {"p99 ms",8} {"max ms",8}");
        for (var i = 0; i < rows.Count; i++)
        {
            // Burst rows compare with the burst baseline, paced rows with the paced one.
            var row = rows[i];
            var baseline = rows[i < 3 ? 0 : 3].DeliveriesPerSecond;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{row.Name,-38} {row.Deliveries,11:N0} {row.DeliveriesPerSecond,13:N0} {row.DeliveriesPerSecond / baseline,7:0.00}x {row.P50Ms,8:0.00} {row.P99Ms,8:0.00} {row.MaxMs,8:0.00}"));
        }

        return 0;
    }

    private static async Task<FanoutFigures> MedianAsync(int runs, Func<Task<FanoutFigures>> run)
    {
        var results = new List<FanoutFigures>();
        for (var i = 0; i < runs; i++)
        {
            results.Add(await run());
        }

        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted[sorted.Length / 2];
        }

        return results[0] with
        {
            DeliveriesPerSecond = Median(results.Select(r => r.DeliveriesPerSecond)),
            P50Ms = Median(results.Select(r => r.P50Ms)),
            P99Ms = Median(results.Select(r => r.P99Ms)),
            MaxMs = Median(results.Select(r => r.MaxMs)),
        };
    }
}
