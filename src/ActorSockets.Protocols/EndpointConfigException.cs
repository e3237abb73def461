using ActorSockets.Hocon;

namespace ActorSockets.Protocols;

/// <summary>
/// An endpoint's configuration is unusable: an unknown protocol, a bad port, a value of the wrong type.
/// The message is one line naming the endpoint and the key, such as
/// <c>endpoint 'chat2': unknown protocol 'chatt' (known: ok, welcome, ...)</c>.
/// </summary>
public sealed class EndpointConfigException : ConfigException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="endpointName">The endpoint whose config is wrong.</param>
    /// <param name="key">The key at fault, relative to the endpoint (<c>port</c>, <c>outbound-queue.max-bytes</c>).</param>
    /// <param name="reason">What is wrong, without the endpoint's name.</param>
    /// <param name="innerException">The config getter's error, when there was one.</param>
    public EndpointConfigException(string endpointName, string key, string reason, Exception? innerException = null)
        : base($"endpoint '{endpointName}': {reason}", innerException!)
    {
        EndpointName = endpointName;
        Key = key;
    }

    /// <summary>The endpoint whose config is wrong.</summary>
    public string EndpointName { get; }

    /// <summary>The key at fault, relative to the endpoint.</summary>
    public string Key { get; }
}
