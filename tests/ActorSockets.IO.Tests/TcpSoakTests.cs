using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ActorSockets.IO.Tests.Support;
using Akka.Actor;
using Akka.IO;
using Xunit.Abstractions;

namespace ActorSockets.IO.Tests;

/// <summary>
/// The soak: 1,000 concurrent connections echo random-sized messages for 30 s while every tenth client resets its
/// connection mid-stream (mid-message, at a random moment). Every surviving connection checks every byte it gets
/// back, in order; afterwards the process holds exactly the sockets it held before (the listener's, until unbind).
/// </summary>
public abstract class TcpSoakTests(ITestOutputHelper output, IoManager manager) : IoTestKit(output, manager)
{
    private const int Connections = 1000;
    private const int MaxMessageSize = 8 * 1024;
    private static readonly TimeSpan SoakTime = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Soak_ThousandConnectionsEchoingWhileATenthReset_EveryByteInOrderAndEverySocketReleased()
    {
        int socketsBefore = SocketHandles.Supported ? SocketHandles.Count() : 0;
        IActorRef server = Sys.ActorOf(Props.Create<EchoServer>());
        TcpManager.Tell(new Tcp.Bind(server, AnyLoopbackPort, backlog: 2048), TestActor);
        EndPoint address = (await ExpectMsgAsync<Tcp.Bound>()).LocalAddress;
        IActorRef listener = LastSender;

        var deadline = Stopwatch.StartNew();
        long[] verified = await Task.WhenAll(
            Enumerable.Range(0, Connections).Select(i => Task.Run(() => RunClientAsync(address, i, deadline))));

        long survivors = verified.Where((_, i) => !Resets(i)).Count(bytes => bytes > 0);
        Output?.WriteLine($"{Manager}: {verified.Sum():N0} bytes echoed and verified; {survivors} surviving connections.");
        Assert.Equal(Connections - (Connections / 10), survivors);

        if (SocketHandles.Supported)
        {
            // Every client is closed: only the listener's socket is left beyond the start.
            await AwaitAssertAsync(
                () => Assert.Equal(socketsBefore + 1, SocketHandles.Count()), TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(100));
        }

        listener.Tell(Tcp.Unbind.Instance, TestActor);
        await ExpectMsgAsync<Tcp.Unbound>();
        if (SocketHandles.Supported)
        {
            await AwaitAssertAsync(
                () => Assert.Equal(socketsBefore, SocketHandles.Count()), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));
        }
    }

    private static bool Resets(int client) => client % 10 == 0;

    /// <summary>Echoes until the soak ends (or, for a resetting client, until its moment comes); returns the bytes verified.</summary>
    private static async Task<long> RunClientAsync(EndPoint address, int client, Stopwatch clock)
    {
        var random = new Random(client);
        TimeSpan resetAt = Resets(client) ? TimeSpan.FromMilliseconds(random.Next(100, (int)SoakTime.TotalMilliseconds)) : TimeSpan.MaxValue;
        using RawClient connection = await RawClient.ConnectAsync(address);
        long verified = 0;
        while (clock.Elapsed < SoakTime)
        {
            byte[] message = new byte[random.Next(1, MaxMessageSize + 1)];
            random.NextBytes(message);
            if (clock.Elapsed >= resetAt)
            {
                // Mid-stream and mid-message: half a message out, then RST.
                await connection.SendAsync(message.AsMemory(0, (message.Length + 1) / 2));
                connection.Reset();
                return verified;
            }

            await connection.SendAsync(message);
            byte[] echoed = await connection.ReadExactlyAsync(message.Length, TimeSpan.FromSeconds(30));
            Assert.Equal(message, echoed);
            verified += message.Length;
        }

        return verified;
    }
}

/// <summary>Runs <see cref="TcpSoakTests"/> against Akka's own manager.</summary>
public sealed class TcpSoakTestsOnAkka(ITestOutputHelper output) : TcpSoakTests(output, IoManager.Akka);

/// <summary>Runs <see cref="TcpSoakTests"/> against ActorSockets' manager.</summary>
public sealed class TcpSoakTestsOnSockets(ITestOutputHelper output) : TcpSoakTests(output, IoManager.Sockets);
