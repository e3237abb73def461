using System.Diagnostics;
using ActorSockets.Host.Tests.Support;

namespace ActorSockets.Host.Tests.EndToEnd;

/// <summary>The first tutorial's own client shape, in python3, against the host's <c>ok</c> endpoint.</summary>
[Collection(RunningHostCollection.Name)]
public sealed class TutorialPythonClientTests(RunningHost host)
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
        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(Client);
        info.ArgumentList.Add(host.Process.Endpoint("ok-patient").EndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var python = Process.Start(info) ?? throw new InvalidOperationException("could not start python3");
        try
        {
            var stdout = python.StandardOutput.ReadToEndAsync();
            var stderr = python.StandardError.ReadToEndAsync();
            await python.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.True(python.ExitCode == 0, await stderr);
            Assert.Equal("Send Successfully\nb'OK'\nSend Successfully\nb'OK'\n", await stdout);
        }
        finally
        {
            if (!python.HasExited)
            {
                python.Kill();
            }
        }
    }
}
