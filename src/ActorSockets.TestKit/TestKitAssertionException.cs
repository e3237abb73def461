using Xunit.Sdk;

namespace ActorSockets.TestKit;

/// <summary>A failed TestKit expectation; its message says what was expected, what arrived instead, and after how long.</summary>
public sealed class TestKitAssertionException : XunitException
{
    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public TestKitAssertionException(string message) : base(message) { }

    /// <summary>Creates the exception with <paramref name="message"/> and the assertion that caused it.</summary>
    public TestKitAssertionException(string message, Exception innerException) : base(message, innerException) { }
}
