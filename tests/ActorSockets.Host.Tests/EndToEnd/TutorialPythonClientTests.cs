using ActorSockets.Host.Tests.Support;

namespace ActorSockets.Host.Tests.EndToEnd;

/// <summary>The first tutorial's own client shape, in python3, against the host's <c>ok</c> endpoint.</summary>
public abstract class TutorialPythonClientTests(RunningHost host)
{
    // The tutorial's client (ported to Python 3 bytes), with a socket timeout so it cannot hang.
    private const string Client = """
        import socket, sys
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.settimeout(10)
        sock.connect(('127.0.0.1', int(sys.argv[1])))
        for data in ['hello', 'world']:
            sock.sendall(data.encode())
            print('Send Successfully')
            res = sock.recv(4096)
            print(res)
        sock.close()
        """;

    [RequiresProgramFact("python3", "to run the tutorial's Python client")]
    public async Task Ok_TutorialPythonClient_PrintsOkForEachMessage()
    {
        var port = host.Process.Endpoint("ok-patient").EndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var stdout = await ClientProgram.RunAsync("python3", ["-c", Client, port], TimeSpan.FromSeconds(30));

        Assert.Equal("Send Successfully\nb'OK'\nSend Successfully\nb'OK'\n", stdout);
    }
}

/// <summary>The tests above on the default manager, the ActorSockets transport.</summary>
[Collection(RunningHostCollection.Name)]
public sealed class TutorialPythonClientTestsOnActorSockets(RunningHost host) : TutorialPythonClientTests(host);

/// <summary>The tests above on Akka.IO's own managers: the protocol code must not depend on which one it talks to.</summary>
[Collection(RunningAkkaHostCollection.Name)]
public sealed class TutorialPythonClientTestsOnAkka(RunningAkkaHost host) : TutorialPythonClientTests(host);
