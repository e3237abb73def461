namespace ActorSockets.Hocon.Internal;

internal enum ScalarKind
{
    String,
    Number,
    Boolean,
    Null,
}
