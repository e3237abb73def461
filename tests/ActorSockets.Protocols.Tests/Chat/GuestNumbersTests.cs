using ActorSockets.Protocols.Chat.Cluster;

namespace ActorSockets.Protocols.Tests.Chat;

public sealed class GuestNumbersTests
{
    [Fact]
    public void Empty_IsLow_AndGivesNothing()
    {
        var numbers = new GuestNumbers(10);

        Assert.True(numbers.Low);
        Assert.False(numbers.TryTake(out _));
        Assert.Empty(numbers.Held());
    }

    [Fact]
    public void Blocks_AreTakenInOrder_TheSpareAfterTheCurrent()
    {
        var numbers = new GuestNumbers(4);
        numbers.Add(11, 4);
        numbers.Add(31, 4);

        var taken = new List<long>();
        while (numbers.TryTake(out var n))
        {
            taken.Add(n);
        }

        Assert.Equal([11, 12, 13, 14, 31, 32, 33, 34], taken);
    }

    [Fact]
    public void Low_OnceLessThanHalfIsLeft_AndNoSpareIsHeld()
    {
        var numbers = new GuestNumbers(4);
        numbers.Add(11, 4);
        numbers.TryTake(out _);
        numbers.TryTake(out _);
        Assert.False(numbers.Low);

        numbers.TryTake(out _);
        Assert.True(numbers.Low);
        Assert.Equal([11], numbers.Held());

        numbers.Add(21, 4);
        Assert.False(numbers.Low);
        Assert.Equal([11, 21], numbers.Held());
    }

    [Fact]
    public void Add_WithASpareHeld_IgnoresALateThirdBlock()
    {
        var numbers = new GuestNumbers(2);
        numbers.Add(1, 2);
        numbers.Add(3, 2);
        numbers.Add(5, 2);

        var taken = new List<long>();
        while (numbers.TryTake(out var n))
        {
            taken.Add(n);
        }

        Assert.Equal([1, 2, 3, 4], taken);
    }
}
