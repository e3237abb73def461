namespace ActorSockets.Hocon;

/// <summary>
/// Thrown when a configuration cannot give what was asked: a missing required path, a value of the
/// wrong type or format, or a substitution that cannot be resolved (undefined or a cycle). The message
/// names the full path, the expected type and where the value was written (<c>file:line</c>).
/// </summary>
public class ConfigException : Exception
{
    public ConfigException()
        : this("invalid configuration")
    {
    }

    public ConfigException(string message)
        : base(message)
    {
    }

    public ConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
