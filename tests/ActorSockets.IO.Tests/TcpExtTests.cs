using ActorSockets.IO.Tests.Support;
using Akka.TestKit;
using Xunit.Abstractions;
using Akka.IO;

namespace ActorSockets.IO.Tests;

/// <summary><c>system.Tcp()</c> without <see cref="SocketsTcpExt.Configure"/>: the settings come from the system's config.</summary>
public class TcpExtTests(ITestOutputHelper output) : IoTestKit(output, IoManager.Sockets, """
    actorsockets.io.tcp {
      max-connections = 1
      register-timeout = 300 ms
    }
    """)
{
    [Fact]
    public void Get_SystemConfigSetsTcpKeys_SettingsAreReadFromItOverTheReference()
    {
        TcpSettings settings = SocketsTcpExt.Get(Sys).Settings;

        Assert.Equal(1, settings.MaxConnections);
        Assert.Equal(TimeSpan.FromMilliseconds(300), settings.RegisterTimeout);
        Assert.Equal(TcpSettings.Default.ReceiveBufferSize, settings.ReceiveBufferSize);
    }

    [Fact]
    public async Task Tcp_SystemConfigSetsMaxConnections_TheListenerEnforcesIt()
    {
        TestProbe bindHandler = CreateTestProbe();
        var (_, address) = await BindAsync(bindHandler);
        var (first, firstClient) = await AcceptAsync(bindHandler, address);
        using RawClient a = firstClient;
        first.Tell(new Tcp.Register(bindHandler.Ref), bindHandler.Ref);

        using RawClient second = await RawClient.ConnectAsync(address);

        await second.ExpectEndOfStreamAsync();
        await bindHandler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Tcp_SystemConfigSetsRegisterTimeout_UnregisteredConnectionIsClosedAfterIt()
    {
        TestProbe bindHandler = CreateTestProbe();
        var (_, address) = await BindAsync(bindHandler);
        var (connection, client) = await AcceptAsync(bindHandler, address);
        using RawClient _ = client;
        Watch(connection);

        // The reference default is 5 s; the config's 300 ms must be the one in force.
        await ExpectTerminatedAsync(connection, TimeSpan.FromSeconds(2));
        await client.ExpectEndOfStreamAsync();
    }
}
