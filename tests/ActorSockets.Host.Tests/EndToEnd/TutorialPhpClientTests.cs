using System.Globalization;
using System.Text.RegularExpressions;
using ActorSockets.Host.Tests.Support;

namespace ActorSockets.Host.Tests.EndToEnd;

/// <summary>The PHP clock tutorial's own <c>client.php</c>, run by php-cli, against the host's <c>clock</c> endpoint.</summary>
public abstract partial class TutorialPhpClientTests(RunningHost host)
{
    // The tutorial's client.php as written, but for the port, which comes from the command line, and a receive
    // timeout so it cannot hang: it reads 4 bytes at a time until the server closes, answers, and prints what it read.
    private const string Client = """
        $host = '127.0.0.1';
        $port = (int)$argv[1];
        if(($sock = socket_create(AF_INET, SOCK_STREAM, SOL_TCP)) === FALSE)
        {
        exit('初始化socket资源错误: ' . socket_strerror(socket_last_error($sock)));
        }
        socket_set_option($sock, SOL_SOCKET, SO_RCVTIMEO, array('sec' => 10, 'usec' => 0));
        if(socket_connect($sock, $host, $port) === FALSE)
        {
        exit('连接socket失败: ' . socket_strerror(socket_last_error($sock)));
        }
        $data = '';
        while($response = socket_read($sock, 4))
        {
        $data .= $response;
        }
        @socket_write($sock, '接收消息成功');
        echo $data . PHP_EOL;
        socket_close($sock);
        """;

    [RequiresProgramFact("php", "to run the PHP tutorial's client.php (Debian package php-cli)")]
    public async Task Clock_TutorialPhpClient_PrintsTheServerMessageWithTheLocalTime()
    {
        var port = host.Process.Endpoint("clock").EndPoint.Port.ToString(CultureInfo.InvariantCulture);
        var before = DateTime.Now.AddSeconds(-1);

        var stdout = await ClientProgram.RunAsync("php", ["-r", Client, port], TimeSpan.FromSeconds(30));

        var match = ClockLine().Match(stdout);
        Assert.True(match.Success, $"client.php printed: {stdout}");
        var time = DateTime.ParseExact(match.Groups[1].Value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        Assert.InRange(time, before.AddTicks(-before.Ticks % TimeSpan.TicksPerSecond), DateTime.Now.AddSeconds(1));
    }

    [GeneratedRegex(@"^服务端消息: (\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})\n$")]
    private static partial Regex ClockLine();
}

/// <summary>The tests above on the default manager, the ActorSockets transport.</summary>
[Collection(RunningHostCollection.Name)]
public sealed class TutorialPhpClientTestsOnActorSockets(RunningHost host) : TutorialPhpClientTests(host);

/// <summary>The tests above on Akka.IO's own managers: the protocol code must not depend on which one it talks to.</summary>
[Collection(RunningAkkaHostCollection.Name)]
public sealed class TutorialPhpClientTestsOnAkka(RunningAkkaHost host) : TutorialPhpClientTests(host);
