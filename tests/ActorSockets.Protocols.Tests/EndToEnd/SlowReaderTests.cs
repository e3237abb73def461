using System.Net.Sockets;
using System.Text;

namespace ActorSockets.Protocols.Tests.EndToEnd;

/// <summary>
/// On either manager (Akka's own queues writes without a byte limit) a session bounds what it holds for a peer: one
/// that keeps sending but never reads is aborted once the session's queue is full.
/// </summary>
public sealed class SlowReaderTests : Akka.TestKit.Xunit2.TestKit
{
    [Theory]
    [InlineData("akka")]
    [InlineData("actorsockets")]
    public async Task Welcome_PeerSendsButNeverReads_IsAbortedOnceTheSessionQueueIsFull(string manager)
    {
        var bindings = await EndpointHost.StartAsync(
            Sys, [EndpointSettings.Create("welcome", "welcome", $"io-manager = {manager}")], TimeSpan.FromSeconds(5));
        using var client = await LoopbackClient.ConnectAsync(bindings[0].LocalAddress, receiveBufferSize: 8 * 1024);
        var line = Encoding.UTF8.GetBytes(new string('z', 4000) + "\n");

        // Each line is answered with about 4 KB the client never reads: the kernel's buffers fill, then the session's
        // queue (1000 writes or 1 MiB), and the session aborts. Bounded: 20,000 lines is far beyond what that takes.
        SocketException? reset = null;
        await EventFilter.Info(contains: "is not reading").ExpectOneAsync(TimeSpan.FromSeconds(30), async () =>
        {
            for (var sent = 0; sent < 20_000 && reset is null; sent++)
            {
                try
                {
                    await client.SendAsync(line);
                }
                catch (SocketException e)
                {
                    reset = e;
                }
            }
        });

        Assert.NotNull(reset);
        Assert.Contains(reset.SocketErrorCode, new[] { SocketError.ConnectionReset, SocketError.Shutdown, SocketError.ConnectionAborted });
    }
}
