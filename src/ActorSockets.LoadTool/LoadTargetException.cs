namespace ActorSockets.LoadTool;

/// <summary>The target of a load run cannot or may not be used; the message says why in one line.</summary>
public sealed class LoadTargetException : Exception
{
    /// <summary>Creates the exception with its one-line reason.</summary>
    public LoadTargetException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its one-line reason and the failure behind it.</summary>
    public LoadTargetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public LoadTargetException()
        : base("the load target cannot be used")
    {
    }
}
