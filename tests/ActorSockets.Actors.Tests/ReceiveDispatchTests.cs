using ActorSockets.Actors;
using Xunit.Abstractions;

namespace ActorSockets.Actors.Tests;

public sealed class ReceiveDispatchTests(ITestOutputHelper output) : TestKit.TestKit(output: output)
{
    private interface IShape;

    private sealed record Circle(int Radius) : IShape;

    private sealed record Square(int Side) : IShape;

    private sealed class ManyHandlers : ReceiveActor
    {
        public ManyHandlers()
        {
            Receive<int>(i => i < 0, i => Sender.Tell($"negative {i}"));
            Receive<int>(i => Sender.Tell($"int {i}"));
            Receive<string>(s => Sender.Tell($"string {s}"));
            Receive<Circle>(c => c.Radius == 0, _ => Sender.Tell("dot"));
            Receive<IShape>(s => Sender.Tell($"shape {s.GetType().Name}"));
            Receive<Guid>(_ => false);
            Receive<long>(l => Sender.Tell($"long {l}"));
            ReceiveAny(m => Sender.Tell($"any {m.GetType().Name}"));
        }
    }

    [Fact]
    public async Task ManyHandlers_FirstMatchingHandlerInRegistrationOrderWins()
    {
        var actor = Sys.ActorOf(Props.Create<ManyHandlers>());
        object[] messages = [-1, 2, "s", new Circle(0), new Circle(3), new Square(1), 5L, Guid.Empty, 1.5, -7];
        foreach (var message in messages)
        {
            actor.Tell(message);
        }
        string[] expected = ["negative -1", "int 2", "string s", "dot", "shape Circle", "shape Square", "long 5", "any Guid", "any Double", "negative -7"];
        foreach (var reply in expected)
        {
            await ExpectMsgAsync(reply);
        }
    }
}
