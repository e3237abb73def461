using System.Net;
using System.Net.Sockets;
using ActorSockets.IO.Tests.Support;
using Akka.TestKit;
using Xunit.Abstractions;
using Akka.Actor;
using Akka.IO;

namespace ActorSockets.IO.Tests;

/// <summary>
/// <c>system.SocketsUdp()</c> without <see cref="SocketsUdpExt.Configure"/>: the extension reads <c>actorsockets.io.udp</c> from
/// the system's own configuration. (Not an <see cref="IoTestKit"/>, which configures the extension explicitly; in
/// the sockets collection all the same, so its sockets never disturb another test's socket count.)
/// </summary>
[Collection(SocketTests.Name)]
public class UdpExtTests(ITestOutputHelper output)
    : Akka.TestKit.Xunit2.TestKit("actorsockets.io.udp { max-datagram-size = 100 bytes, max-peers = 7 }", output: output)
{
    [Fact]
    public void Get_SystemConfigSetsUdpKeys_SettingsComeFromTheSystemConfig()
    {
        UdpSettings settings = SocketsUdpExt.Get(Sys).Settings;

        Assert.Equal(100, settings.MaxDatagramSize);
        Assert.Equal(7, settings.MaxPeers);
        // Keys the system config leaves alone come from the IO library's reference.conf.
        Assert.Equal(UdpSettings.Default.PeerIdleTimeout, settings.PeerIdleTimeout);
    }

    [Fact]
    public async Task Udp_SystemConfigSetsSmallMaxDatagramSize_ListenerDropsLargerDatagramsAndRefusesLargerSends()
    {
        TestProbe handler = CreateTestProbe();
        TestProbe sender = CreateTestProbe();
        Sys.SocketsUdp().Tell(new Udp.Bind(handler.Ref, new IPEndPoint(IPAddress.Loopback, 0)), handler.Ref);
        EndPoint address = (await handler.ExpectMsgAsync<Udp.Bound>()).LocalAddress;
        IActorRef socket = handler.LastSender;
        using var peer = LoopbackUdp.NewSocket();

        await peer.SendToAsync(new byte[101], address);
        await peer.SendToAsync("fits"u8.ToArray(), address);
        var send = Udp.Send.Create(ByteString.FromBytes(new byte[101]), peer.LocalEndPoint!);
        socket.Tell(send, sender.Ref);

        Assert.Equal("fits", (await handler.ExpectMsgAsync<Udp.Received>()).Data.ToString());
        Assert.Same(send, (await sender.ExpectMsgAsync<Udp.CommandFailed>()).Cmd);
    }

    [Fact]
    public void Configure_BeforeFirstUse_ExplicitSettingsWinOverTheSystemConfig()
    {
        var explicitSettings = new UdpSettings { MaxDatagramSize = 2048 };

        SocketsUdpExt.Configure(Sys, explicitSettings);

        Assert.Same(explicitSettings, SocketsUdpExt.Get(Sys).Settings);
    }

    [Fact]
    public void Configure_AfterFirstUseWithOtherSettings_Throws()
    {
        _ = Sys.SocketsUdp();

        Assert.Throws<InvalidOperationException>(() => SocketsUdpExt.Configure(Sys, UdpSettings.Default));
    }
}
