namespace ActorSockets.Hocon.Tests;
public class Probe { [Fact] public void A() => Assert.True(1 + 1 == 2); }
