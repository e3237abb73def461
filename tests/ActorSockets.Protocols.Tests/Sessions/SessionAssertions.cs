using ActorSockets.Protocols.Internal;
using Akka.Actor;
using Akka.IO;
using Akka.TestKit;

namespace ActorSockets.Protocols.Tests.Sessions;

/// <summary>Helpers for driving a session with a <see cref="TestProbe"/> standing in for its connection.</summary>
internal static class SessionAssertions
{
    public static ByteString Bytes(string text) => ByteString.FromString(text);

    public static Tcp.Received Received(string text) => new(Bytes(text));

    /// <summary>
    /// A probe standing in for a connection. Sessions register themselves and pull their input (a
    /// <see cref="Tcp.Register"/> and a <see cref="Tcp.ResumeReading"/> when they start, another read request after
    /// each read); this probe ignores those, so tests see the writes and closes they are about.
    /// </summary>
    public static TestProbe CreateConnectionProbe(this TestKitBase kit)
    {
        var probe = kit.CreateTestProbe();
        probe.IgnoreMessages(m => m is Tcp.ResumeReading or Tcp.Register);
        return probe;
    }

    /// <summary>
    /// Expects the next message to the connection to be a write of exactly <paramref name="expected"/> (UTF-8). A write
    /// from <see cref="TcpSession"/>'s own queue is acknowledged, as the connection does once the kernel took the
    /// bytes (the session keeps one write in flight, so its next one only comes after this ack); a session's own acks,
    /// such as the chat's, are left to the test.
    /// </summary>
    public static async Task<Tcp.Write> ExpectWriteAsync(this TestProbe connection, string expected)
    {
        var write = await connection.ExpectMsgAsync<Tcp.Write>();
        Assert.Equal(expected, write.Data.ToUtf8());
        if (write.Ack is SessionWriteAck)
        {
            connection.Reply(write.Ack);
        }

        return write;
    }

    /// <summary>Expects a write and acknowledges it, as the connection does once the kernel took the bytes.</summary>
    public static async Task<Tcp.Write> ExpectWriteAndAckAsync(this TestProbe connection, string expected)
    {
        var write = await connection.ExpectMsgAsync<Tcp.Write>();
        Assert.Equal(expected, write.Data.ToUtf8());
        Assert.True(write.WantsAck);
        connection.Reply(write.Ack);
        return write;
    }

    /// <summary>Acknowledges writes until at least <paramref name="count"/> CRLF-terminated lines have arrived (writes may carry several), and returns them all.</summary>
    public static async Task<IReadOnlyList<string>> ReadLinesAsync(this TestProbe connection, int count)
    {
        var lines = new List<string>();
        while (lines.Count < count)
        {
            var write = await connection.ExpectMsgAsync<Tcp.Write>();
            connection.Reply(write.Ack);
            var text = write.Data.ToUtf8();
            Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
            lines.AddRange(text[..^2].Split("\r\n"));
        }

        return lines;
    }

    /// <summary>Expects <see cref="Tcp.Close"/> and answers <see cref="Tcp.Closed"/>, as a connection does after flushing.</summary>
    public static async Task ExpectCloseAndConfirmAsync(this TestProbe connection)
    {
        await connection.ExpectMsgAsync<Tcp.Close>();
        connection.Reply(Tcp.Closed.Instance);
    }

    public static void Send(this IActorRef session, object message, TestProbe from) => session.Tell(message, from.Ref);
}
