using ActorSockets.LoadTool.Internal;

namespace ActorSockets.LoadTool.Tests;

public class MessagePatternTests
{
    [Fact]
    public void Fill_SameSeed_GivesTheSameBytes()
    {
        var a = new byte[77];
        var b = new byte[77];

        MessagePattern.Fill(a, MessagePattern.Seed(3, 9));
        MessagePattern.Fill(b, MessagePattern.Seed(3, 9));

        Assert.Equal(a, b);
        Assert.Contains(a, x => x != 0);
    }

    [Fact]
    public void Fill_DifferentConnectionsAndMessages_GiveDifferentBytes()
    {
        var seen = new HashSet<string>();
        for (var connection = 0; connection < 20; connection++)
        {
            for (ulong message = 0; message < 20; message++)
            {
                var bytes = new byte[8];
                MessagePattern.Fill(bytes, MessagePattern.Seed(connection, message));
                Assert.True(seen.Add(Convert.ToHexString(bytes)), $"connection {connection} message {message} repeats");
            }
        }
    }

    [Fact]
    public void Fill_ShortTail_IsFilledToo()
    {
        var bytes = new byte[3];

        MessagePattern.Fill(bytes, MessagePattern.Seed(1, 1));

        Assert.Contains(bytes, x => x != 0);
    }
}
