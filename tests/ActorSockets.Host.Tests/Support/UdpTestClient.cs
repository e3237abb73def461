using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ActorSockets.Host.Tests.Support;

/// <summary>Sends one datagram and waits (bounded) for the answer, as the tutorials' UDP clients do.</summary>
public static class UdpTestClient
{
    public static async Task<string> ExchangeAsync(IPEndPoint server, string text)
    {
        using var client = new UdpClient(server.AddressFamily);
        using var cts = new CancellationTokenSource(TestClient.Timeout);
        await client.SendAsync(Encoding.UTF8.GetBytes(text), server, cts.Token).ConfigureAwait(false);
        var answer = await client.ReceiveAsync(cts.Token).ConfigureAwait(false);
        Assert.Equal(server, answer.RemoteEndPoint);
        return Encoding.UTF8.GetString(answer.Buffer);
    }
}
