using ActorSockets.Cluster.Tests.Internal;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Configuration;
using Xunit.Abstractions;

namespace ActorSockets.Cluster.Tests;

/// <summary>
/// The config the design renders for our own serializer (serializers, serialization-bindings to a marker
/// interface, serialization-identifiers) makes Akka use it for our records, also inside pub-sub's own wrapper.
/// </summary>
public sealed class ChatLineSerializerTests : LoopbackClusterTestKit
{
    private const string Topic = "actorsockets.chat.lines";

    public ChatLineSerializerTests(ITestOutputHelper output)
        : base(WithChatSerializer(), output)
    {
    }

    [Fact]
    public void FindSerializerFor_ChatLine_IsOursAndRoundTrips()
    {
        var line = new ChatLine("akka.tcp://chat@127.0.0.1:1", 42, "lobby", "[alice] héllo, 世界");
        var serializer = Sys.Serialization.FindSerializerFor(line);
        Assert.IsType<ChatLineSerializer>(serializer);
        var bytes = serializer.ToBinary(line);
        var manifest = Assert.IsAssignableFrom<Akka.Serialization.SerializerWithStringManifest>(serializer).Manifest(line);
        Assert.Equal(line, Sys.Serialization.Deserialize(bytes, serializer.Identifier, manifest));
    }

    [Fact]
    public async Task Publish_ChatLineToAnotherNode_CrossesTheWireThroughOurSerializer()
    {
        var nodeB = StartNode();
        await LoopbackCluster.FormAsync(this, Sys, nodeB);
        var listener = CreateTestProbe(nodeB, "listener");
        DistributedPubSub.Get(nodeB).Mediator.Tell(new Subscribe(Topic, listener.Ref), listener.Ref);
        await listener.ExpectMsgAsync<SubscribeAck>();

        var decodedBefore = ChatLineSerializer.Decoded;
        var speaker = CreateTestProbe(Sys, "speaker");
        ChatLine? arrived = null;
        var attempt = 0;
        await AwaitAssertAsync(
            async () =>
            {
                var line = new ChatLine("a", ++attempt, "lobby", "[alice] hello");
                DistributedPubSub.Get(Sys).Mediator.Tell(new Publish(Topic, line), speaker.Ref);
                arrived = await listener.ExpectMsgAsync<ChatLine>(TimeSpan.FromMilliseconds(300));
            },
            TimeSpan.FromSeconds(15),
            TimeSpan.FromMilliseconds(50));

        Assert.NotNull(arrived);
        Assert.Equal(("a", "lobby", "[alice] hello"), (arrived.Origin, arrived.Room, arrived.Text));
        Assert.True(ChatLineSerializer.Decoded > decodedBefore, "the line was not decoded by our serializer");
    }

    private static Config WithChatSerializer() =>
        ConfigurationFactory.ParseString("""
            akka.actor {
              serializers.actorsockets-chat = "ActorSockets.Cluster.Tests.Internal.ChatLineSerializer, ActorSockets.Cluster.Tests"
              serialization-bindings {
                "ActorSockets.Cluster.Tests.Internal.IChatWireMessage, ActorSockets.Cluster.Tests" = actorsockets-chat
              }
              serialization-identifiers {
                "ActorSockets.Cluster.Tests.Internal.ChatLineSerializer, ActorSockets.Cluster.Tests" = 100
              }
            }
            """).WithFallback(LoopbackCluster.Fast());
}
