using System.Text;
using Akka.IO;

namespace ActorSockets.Protocols.Tests;

/// <summary>Reads an Akka.IO <see cref="ByteString"/> as text in assertions.</summary>
internal static class ByteStringText
{
    /// <summary>The bytes as UTF-8 text.</summary>
    public static string ToUtf8(this ByteString bytes) => Encoding.UTF8.GetString(bytes.ToArray());
}
