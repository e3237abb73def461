namespace ActorSockets.Actors;

/// <summary>What a supervisor does with a child that failed.</summary>
public enum Directive
{
    /// <summary>Keep the child's state and let it continue with its next message.</summary>
    Resume,

    /// <summary>Replace the child with a fresh instance from its props; its mailbox and reference survive.</summary>
    Restart,

    /// <summary>Stop the child.</summary>
    Stop,

    /// <summary>Fail the supervisor itself with the same exception, so its own supervisor decides.</summary>
    Escalate,
}
