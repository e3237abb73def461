namespace ActorSockets.Cluster.Tests.Internal;

/// <summary>
/// The messages of the nick-claim experiment (docs/cluster-chat.md, "Nicks"). They cross nodes through Akka's
/// default serializer, so they are plain records of strings; <see cref="ReportNicks"/> has the singleton shape
/// our message families use (private constructor, <c>Instance</c>) to show that shape survives the wire too.
/// </summary>
internal static class NickClaims
{
    /// <summary>To a host's <see cref="NickBook"/> (from a member) and from it to the authority: <paramref name="Host"/> wants <paramref name="Nick"/>.</summary>
    public sealed record Claim(string Nick, string Host);

    /// <summary>From the authority: the claimant's host now holds <paramref name="Nick"/>.</summary>
    public sealed record Granted(string Nick);

    /// <summary>From the authority: <paramref name="Nick"/> is held by a member of <paramref name="Holder"/>.</summary>
    public sealed record Taken(string Nick, string Holder);

    /// <summary>From a new authority to every host's book: which nicks do your members hold?</summary>
    public sealed record ReportNicks
    {
        private ReportNicks()
        {
        }

        public static ReportNicks Instance { get; } = new();
    }

    /// <summary>A host's answer to <see cref="ReportNicks"/>.</summary>
    /// <remarks>
    /// An array, not an interface: Akka's default (Newtonsoft) serializer writes the runtime type, and a
    /// collection expression assigned to <c>IReadOnlyList&lt;string&gt;</c> is a compiler-made type it cannot
    /// construct on the other side ("Unable to find a constructor to use for type &lt;&gt;z__ReadOnlyArray`1").
    /// </remarks>
    public sealed record NicksHeld(string Host, string[] Nicks);
}
