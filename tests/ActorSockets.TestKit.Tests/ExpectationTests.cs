using ActorSockets.Actors;
using Xunit.Abstractions;

namespace ActorSockets.TestKit.Tests;

public sealed class ExpectationTests(ITestOutputHelper output) : TestKit(output: output)
{
    [Fact]
    public async Task ExpectMsgAsync_MessageArrives_ReturnsItAndSetsLastSender()
    {
        var probe = CreateTestProbe();
        TestActor.Tell("hi", probe.Ref);
        Assert.Equal("hi", await ExpectMsgAsync<string>());
        Assert.Equal(probe.Ref, LastSender);
    }

    [Fact]
    public async Task ExpectMsgAsync_NothingArrives_FailsSayingWhatAndHowLong()
    {
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync<string>(TimeSpan.FromMilliseconds(300), hint: "greeting"));
        Assert.Contains("Expected a message of type String within 300 ms [greeting], but received nothing", e.Message);
    }

    [Fact]
    public async Task ExpectMsgAsync_WrongType_FailsNamingWhatArrived()
    {
        TestActor.Tell(42);
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync<string>());
        Assert.Contains("Expected a message of type String, but received 42 (Int32)", e.Message);
        Assert.Contains(" ms", e.Message);
    }

    [Fact]
    public async Task ExpectMsgAsync_Value_FailsOnDifferentValue()
    {
        TestActor.Tell("b");
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync("a"));
        Assert.Contains("Expected the message \"a\" (String), but received \"b\" (String)", e.Message);
    }

    [Fact]
    public async Task ExpectMsgAsync_Predicate_MatchesOrFails()
    {
        TestActor.Tell(5);
        TestActor.Tell(4);
        Assert.Equal(5, await ExpectMsgAsync<int>(i => i % 2 == 1));
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync<int>(i => i % 2 == 1));
        Assert.Contains("does not match the predicate", e.Message);
    }

    [Fact]
    public async Task ExpectMsgAsync_Assertion_ReportsInnerAssertionMessage()
    {
        TestActor.Tell("abc");
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync<string>(s => Assert.Equal("xyz", s)));
        Assert.Contains("the assertion failed", e.Message);
    }

    [Fact]
    public async Task ExpectNoMsgAsync_MessageArrives_Fails()
    {
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        TestActor.Tell("surprise");
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200)));
        Assert.Contains("Expected no message for 200 ms, but received \"surprise\" (String)", e.Message);
    }

    [Fact]
    public async Task ExpectMsgAllOfAsync_AnyOrder_SucceedsAndUnexpectedFails()
    {
        TestActor.Tell(3);
        TestActor.Tell(1);
        TestActor.Tell(2);
        var all = await ExpectMsgAllOfAsync([1, 2, 3]);
        Assert.Equal([3, 1, 2], all);

        TestActor.Tell(1);
        TestActor.Tell(9);
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAllOfAsync([1, 2]));
        Assert.Contains("unexpected 9 (Int32)", e.Message);
        Assert.Contains("still missing [2 (Int32)]", e.Message);
    }

    [Fact]
    public async Task ExpectMsgAnyOfAsync_OneOfThem_ReturnsIt()
    {
        TestActor.Tell("b");
        Assert.Equal("b", await ExpectMsgAnyOfAsync(["a", "b"]));
        TestActor.Tell("c");
        await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAnyOfAsync(["a", "b"]));
    }

    [Fact]
    public async Task FishForMessageAsync_SkipsUntilMatch()
    {
        TestActor.Tell(1);
        TestActor.Tell("x");
        TestActor.Tell(10);
        Assert.Equal(10, await FishForMessageAsync<int>(i => i > 5));
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => FishForMessageAsync<int>(i => i > 5, TimeSpan.FromMilliseconds(100)));
        Assert.Contains("caught nothing", e.Message);
    }

    [Fact]
    public async Task ReceiveNAsync_CountsMessagesOrFails()
    {
        TestActor.Tell(1);
        TestActor.Tell("two");
        Assert.Equal<object>([1, "two"], await ReceiveNAsync(2));
        TestActor.Tell(3);
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => ReceiveNAsync(2, TimeSpan.FromMilliseconds(100)));
        Assert.Contains("Expected 2 messages", e.Message);
        Assert.Contains("received only 1", e.Message);
    }

    [Fact]
    public async Task ReceiveWhileAsync_StopsAtFirstRejectedMessage()
    {
        TestActor.Tell("a");
        TestActor.Tell("b");
        TestActor.Tell(3);
        TestActor.Tell("after");
        var strings = await ReceiveWhileAsync<string>(m => m as string, idle: TimeSpan.FromMilliseconds(100));
        Assert.Equal(["a", "b"], strings);
        await ExpectMsgAsync("after");
    }

    [Fact]
    public async Task IgnoreMessages_MatchingMessagesNeverArrive()
    {
        IgnoreMessages<int>();
        TestActor.Tell(1);
        TestActor.Tell("kept");
        await ExpectMsgAsync("kept");
        IgnoreNoMessages();
        TestActor.Tell(2);
        await ExpectMsgAsync(2);
    }

    [Fact]
    public async Task TellFromTestCode_ImplicitSenderIsTestActor()
    {
        var probe = CreateTestProbe();
        probe.Ref.Tell("from test");
        await probe.ExpectMsgAsync("from test");
        Assert.Equal(TestActor, probe.LastSender);
        probe.Reply("answer");
        await ExpectMsgAsync("answer");
        Assert.Equal(probe.Ref, LastSender);
    }

    [Fact]
    public async Task Watch_StoppedActor_ExpectTerminatedSucceedsAndWrongActorFails()
    {
        var probe = CreateTestProbe();
        var other = CreateTestProbe();
        Watch(probe.Ref);
        Watch(other.Ref);
        Sys.Stop(probe.Ref);
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectTerminatedAsync(other.Ref));
        Assert.Contains($"Terminated of {other.Ref.Path}", e.Message);
        Sys.Stop(other.Ref);
        await ExpectTerminatedAsync(other.Ref);
    }
}
