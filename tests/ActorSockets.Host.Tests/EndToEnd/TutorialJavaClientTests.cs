using ActorSockets.Host.Tests.Support;

namespace ActorSockets.Host.Tests.EndToEnd;

/// <summary>The Java tutorial's <c>GreetingClient</c> shape (writeUTF out, readUTF in), run with <c>java File.java</c>, against <c>greeting</c>.</summary>
public abstract class TutorialJavaClientTests(RunningHost host) : IDisposable
{
    // The tutorial's client: connect, writeUTF a hello naming the local address, print the readUTF answer
    // (after the tutorial's 服务器响应, written as Java unicode escapes so the source's encoding cannot matter).
    private const string Client = """
        import java.io.*;
        import java.net.*;

        public class GreetingClient {
            public static void main(String[] args) throws IOException {
                try (Socket client = new Socket(args[0], Integer.parseInt(args[1]))) {
                    client.setSoTimeout(10000);
                    new DataOutputStream(client.getOutputStream()).writeUTF("Hello from " + client.getLocalSocketAddress());
                    System.out.println("\u670d\u52a1\u5668\u54cd\u5e94: " + new DataInputStream(client.getInputStream()).readUTF());
                }
            }
        }
        """;

    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("actorsockets-java-");

    public void Dispose() => _temp.Delete(recursive: true);

    [RequiresProgramFact("java", "to run the tutorial's Java GreetingClient")]
    public async Task Greeting_TutorialJavaClient_PrintsTheServersAddressAndGoodbye()
    {
        var source = Path.Combine(_temp.FullName, "GreetingClient.java");
        await File.WriteAllTextAsync(source, Client);
        var port = host.Process.Endpoint("greeting").EndPoint.Port;

        var stdout = await ClientProgram.RunAsync(
            "java",
            ["-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-Dstdout.encoding=UTF-8", source, "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            TimeSpan.FromSeconds(60));

        Assert.Equal($"服务器响应: 谢谢连接我:/127.0.0.1:{port}\nGoodbye!\n", stdout);
    }
}

/// <summary>The tests above on the default manager, the ActorSockets transport.</summary>
[Collection(RunningHostCollection.Name)]
public sealed class TutorialJavaClientTestsOnActorSockets(RunningHost host) : TutorialJavaClientTests(host);

/// <summary>The tests above on Akka.IO's own managers: the protocol code must not depend on which one it talks to.</summary>
[Collection(RunningAkkaHostCollection.Name)]
public sealed class TutorialJavaClientTestsOnAkka(RunningAkkaHost host) : TutorialJavaClientTests(host);
