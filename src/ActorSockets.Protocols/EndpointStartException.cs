namespace ActorSockets.Protocols;

/// <summary>
/// An endpoint could not be started (its address is in use, permission denied, it did not bind in time).
/// The message is one line for the operator: <c>endpoint 'ok' (tcp 127.0.0.1:8001): address already in use</c>.
/// </summary>
public sealed class EndpointStartException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EndpointStartException()
        : this("(unknown)", "(unknown)", "could not start")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public EndpointStartException(string message)
        : this("(unknown)", "(unknown)", message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public EndpointStartException(string message, Exception innerException)
        : this("(unknown)", "(unknown)", message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="endpointName">The endpoint that failed.</param>
    /// <param name="address">Where it tried to listen, such as <c>tcp 127.0.0.1:8001</c>.</param>
    /// <param name="reason">Why, in a few words, such as <c>address already in use</c>.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public EndpointStartException(string endpointName, string address, string reason, Exception? innerException = null)
        : base($"endpoint '{endpointName}' ({address}): {reason}", innerException)
    {
        EndpointName = endpointName;
        Address = address;
        Reason = reason;
    }

    /// <summary>The endpoint that failed.</summary>
    public string EndpointName { get; }

    /// <summary>Where it tried to listen.</summary>
    public string Address { get; }

    /// <summary>Why it failed, in a few words.</summary>
    public string Reason { get; }
}
