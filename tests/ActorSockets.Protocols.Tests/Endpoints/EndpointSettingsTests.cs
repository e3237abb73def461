using System.Net;
using System.Net.Sockets;
using ActorSockets.Hocon;
using ActorSockets.Protocols.Chat;

namespace ActorSockets.Protocols.Tests.Endpoints;

public sealed class EndpointSettingsTests
{
    private static IReadOnlyList<EndpointSettings> Read(string hocon) =>
        EndpointSettings.FromConfig(ConfigFactory.ParseString(hocon));

    [Fact]
    public void FromConfig_HostConfig_ReadsEveryTutorialEndpointWithItsPortAndTransport()
    {
        var path = RepoFile("hocon/actorsockets.conf");
        var endpoints = EndpointSettings.FromConfig(ConfigFactory.ParseFile(path));

        var byName = endpoints.ToDictionary(e => e.Name);
        Assert.Equal(
            ["ok", "welcome", "greeting", "clock", "hi", "udp-hi", "udp-time", "chat"],
            endpoints.Select(e => e.Name).ToArray());
        Assert.Equal(8001, byName["ok"].Port);
        Assert.Equal(TimeSpan.FromSeconds(10), byName["ok"].IdleTimeout);
        Assert.Null(byName["welcome"].IdleTimeout);
        Assert.Equal(6666, byName["greeting"].Port);
        Assert.Equal(65533, byName["clock"].Port);
        Assert.Equal(8898, byName["hi"].Port);
        Assert.Equal(EndpointTransport.Udp, byName["udp-hi"].Transport);
        Assert.Equal(9001, byName["udp-time"].Port);
        Assert.Equal(1024, byName["chat"].MaxLineLength);
        Assert.Equal(4096, byName["welcome"].MaxLineLength);
        Assert.All(endpoints, e => Assert.Equal(new IPEndPoint(IPAddress.Loopback, e.Port), e.BindAddress));
    }

    [Fact]
    public void FromConfig_EnabledOff_SkipsTheEndpoint()
    {
        var endpoints = Read("""
            actorsockets.endpoints {
              a { protocol = ok, port = 1 }
              b { protocol = hi, port = 2, enabled = off }
            }
            """);

        Assert.Equal(["a"], endpoints.Select(e => e.Name).ToArray());
    }

    [Fact]
    public void FromConfig_SecondChatInFourLines_GetsChatDefaults()
    {
        var endpoints = Read("""
            actorsockets.endpoints.chat2 {
              protocol = chat
              port = 7001
            }
            """);

        var chat2 = Assert.Single(endpoints);
        var chat = ChatSettings.FromEndpoint(chat2);
        Assert.Equal(EndpointTransport.Tcp, chat2.Transport);
        Assert.Equal(7001, chat2.Port);
        Assert.Equal("lobby", chat.DefaultRoom);
        Assert.Equal("guest-", chat.GuestNickPrefix);
        Assert.Equal(1000, chat.OutboundMaxMessages);
        Assert.Equal(1024 * 1024, chat.OutboundMaxBytes);
    }

    [Fact]
    public void FromConfig_EndpointKey_OverridesDefaultsAndProtocolDefaults()
    {
        var endpoints = Read("""
            actorsockets.endpoint-defaults.max-connections = 7
            actorsockets.protocols.ok.reply = "fine"
            actorsockets.endpoints {
              a { protocol = ok, port = 1 }
              b { protocol = ok, port = 2, reply = "yes", max-connections = 3, host = "::1" }
            }
            """);

        Assert.Equal("fine", endpoints[0].Config.GetString("reply"));
        Assert.Equal(7, endpoints[0].MaxConnections);
        Assert.Equal("yes", endpoints[1].Config.GetString("reply"));
        Assert.Equal("Time out", endpoints[1].Config.GetString("timeout-notice"));
        Assert.Equal(3, endpoints[1].MaxConnections);
        Assert.Equal(new IPEndPoint(IPAddress.IPv6Loopback, 2), endpoints[1].BindAddress);
    }

    [Fact]
    public void FromConfig_UdpProtocolWithoutTransport_TakesTheProtocolsTransport()
    {
        var endpoint = Assert.Single(Read("actorsockets.endpoints.t { protocol = udp-time, port = 0 }"));

        Assert.Equal(EndpointTransport.Udp, endpoint.Transport);
        Assert.Equal("udp 127.0.0.1:0", endpoint.DescribeAddress());
    }

    [Fact]
    public void FromConfig_UnixPath_BindsAUnixDomainSocket()
    {
        var endpoint = Assert.Single(Read("actorsockets.endpoints.c { protocol = chat, path = \"/tmp/x.sock\" }"));

        Assert.IsType<UnixDomainSocketEndPoint>(endpoint.BindAddress);
        Assert.Equal("tcp unix:/tmp/x.sock", endpoint.DescribeAddress());
    }

    [Theory]
    [InlineData("chat2 { protocol = chatt, port = 1 }", "endpoint 'chat2': unknown protocol 'chatt' (known: ok, welcome, greeting, clock, hi, udp-hi, udp-time, chat)", "protocol")]
    [InlineData("e { port = 1 }", "endpoint 'e': no protocol set", "protocol")]
    [InlineData("e { protocol = ok, port = 70000 }", "endpoint 'e': port 70000 is outside 0-65535", "port")]
    [InlineData("e { protocol = ok }", "endpoint 'e': no port set", "port")]
    [InlineData("e { protocol = ok, port = abc }", "endpoint 'e': port: ", "port")]
    [InlineData("e { protocol = ok, port = 1, idle-timeout = soon }", "endpoint 'e': idle-timeout: ", "idle-timeout")]
    [InlineData("e { protocol = ok, port = 1, idle-timeout = 0s }", "endpoint 'e': idle-timeout must be a positive duration", "idle-timeout")]
    [InlineData("e { protocol = ok, port = 1, max-connections = 0 }", "endpoint 'e': max-connections must be at least 1", "max-connections")]
    [InlineData("e { protocol = ok, port = 1, host = \"example.com\" }", "endpoint 'e': host 'example.com' is not an IP address", "host")]
    [InlineData("e { protocol = ok, port = 1, transport = sctp }", "endpoint 'e': unknown transport 'sctp'", "transport")]
    [InlineData("e { protocol = udp-hi, port = 1, transport = tcp }", "endpoint 'e': protocol 'udp-hi' runs over udp, but transport is tcp", "transport")]
    [InlineData("e { protocol = chat, port = 1, default-room = \"no spaces\" }", "endpoint 'e': default-room 'no spaces'", "default-room")]
    [InlineData("e { protocol = chat, port = 1, outbound-queue.max-messages = -1 }", "endpoint 'e': outbound-queue.max-messages must be at least 1", "outbound-queue.max-messages")]
    [InlineData("e { protocol = udp-hi, port = 1, path = \"/tmp/u\" }", "endpoint 'e': a Unix domain socket path needs transport tcp", "path")]
    [InlineData("e { protocol = ok, port = 1, io-manager = netty }", "endpoint 'e': unknown io-manager 'netty' (known: actorsockets, akka)", "io-manager")]
    public void FromConfig_BadValue_ThrowsNamingEndpointAndKey(string endpoint, string messageStart, string key)
    {
        var error = Assert.Throws<EndpointConfigException>(() => Read("actorsockets.endpoints." + endpoint));

        Assert.StartsWith(messageStart, error.Message, StringComparison.Ordinal);
        Assert.Equal(key, error.Key);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void FromConfig_IoManagerUnset_IsActorSockets()
    {
        var endpoint = Assert.Single(Read("actorsockets.endpoints.a { protocol = ok, port = 1 }"));

        Assert.Equal(EndpointIoManager.ActorSockets, endpoint.IoManager);
        Assert.Equal("actorsockets", endpoint.IoManagerName);
    }

    [Fact]
    public void FromConfig_IoManagerInDefaults_AppliesToEveryEndpointUnlessItSetsItsOwn()
    {
        var endpoints = Read("""
            actorsockets.endpoint-defaults.io-manager = akka
            actorsockets.endpoints {
              a { protocol = ok, port = 1 }
              b { protocol = udp-hi, port = 2 }
              c { protocol = hi, port = 3, io-manager = ACTORSOCKETS }
            }
            """).ToDictionary(e => e.Name);

        Assert.Equal(EndpointIoManager.Akka, endpoints["a"].IoManager);
        Assert.Equal("akka", endpoints["a"].IoManagerName);
        Assert.Equal(EndpointIoManager.Akka, endpoints["b"].IoManager);
        Assert.Equal(EndpointIoManager.ActorSockets, endpoints["c"].IoManager);
    }

    [Fact]
    public void FromConfig_EndpointNotAnObject_ThrowsNamingIt()
    {
        var error = Assert.Throws<EndpointConfigException>(() => Read("actorsockets.endpoints.odd = 5"));

        Assert.StartsWith("endpoint 'odd': must be an object of settings", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfig_TwoEndpointsOnOnePort_ThrowsNamingBoth()
    {
        var error = Assert.Throws<EndpointConfigException>(() => Read("""
            actorsockets.endpoints {
              a { protocol = ok, port = 5000 }
              b { protocol = hi, port = 5000, host = "127.0.0.1" }
            }
            """));

        Assert.Equal("endpoint 'b': port 5000 is already used by endpoint 'a'", error.Message);
    }

    [Fact]
    public void Reference_EveryProtocol_HasDefaults()
    {
        foreach (var protocol in EndpointSettings.KnownProtocols)
        {
            var settings = EndpointSettings.Create("x", protocol);
            Assert.Equal(protocol, settings.Protocol);
            Assert.False(settings.Config.IsEmpty);
        }
    }

    internal static string RepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }
}
