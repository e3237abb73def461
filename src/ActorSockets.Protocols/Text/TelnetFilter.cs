using Akka.IO;

namespace ActorSockets.Protocols.Text;

/// <summary>
/// Removes telnet commands (RFC 854) from a received byte stream, so a session can serve both <c>nc</c> and
/// <c>telnet</c> clients. It must run on the bytes, before line framing and UTF-8 decoding, because IAC (0xFF)
/// is not text. One instance per connection; it keeps its state across chunks, so a command split between two
/// reads is still removed.
/// </summary>
/// <remarks>
/// <c>IAC WILL/WONT/DO/DONT option</c> (three bytes) and the two-byte commands (<c>IAC NOP</c>, <c>IAC GA</c>...)
/// are dropped; <c>IAC SB ... IAC SE</c> subnegotiation is dropped, but at most 1024 bytes of it, after which the
/// filter returns to passing data through, so a peer that never ends one cannot silence itself forever;
/// <c>IAC IAC</c> is the literal byte 0xFF. The filter never answers negotiation: every option stays off, which
/// telnet clients accept. Nothing is buffered.
/// </remarks>
public sealed class TelnetFilter
{
    /// <summary>How many subnegotiation bytes are dropped before the filter gives up waiting for <c>IAC SE</c>.</summary>
    public const int MaxSubnegotiationBytes = 1024;

    private const byte Iac = 255;
    private const byte Se = 240;
    private const byte Sb = 250;
    private const byte Will = 251;
    private const byte Dont = 254;

    private State _state;
    private int _subnegotiated;

    private enum State
    {
        Data,
        Command,
        Option,
        Subnegotiation,
        SubnegotiationIac,
    }

    /// <summary>Whether the filter is in the middle of a telnet command awaiting more bytes.</summary>
    public bool InCommand => _state != State.Data;

    /// <summary>
    /// Returns the data bytes of <paramref name="chunk"/> with telnet commands removed. When the chunk holds no
    /// IAC and no command is pending, the same instance is returned without copying.
    /// </summary>
    public ByteString Filter(ByteString chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (_state == State.Data && chunk.IndexOf(Iac) < 0)
        {
            return chunk;
        }

        var input = chunk.ToReadOnlySpan();
        var output = new byte[input.Length];
        var written = 0;
        foreach (var b in input)
        {
            switch (_state)
            {
                case State.Data:
                    if (b == Iac)
                    {
                        _state = State.Command;
                    }
                    else
                    {
                        output[written++] = b;
                    }

                    break;
                case State.Command:
                    if (b == Iac)
                    {
                        output[written++] = Iac;
                        _state = State.Data;
                    }
                    else if (b is >= Will and <= Dont)
                    {
                        _state = State.Option;
                    }
                    else if (b == Sb)
                    {
                        _state = State.Subnegotiation;
                        _subnegotiated = 0;
                    }
                    else
                    {
                        _state = State.Data;
                    }

                    break;
                case State.Option:
                    _state = State.Data;
                    break;
                case State.Subnegotiation:
                    _state = b == Iac ? State.SubnegotiationIac : CountSubnegotiation();
                    break;
                case State.SubnegotiationIac:
                    _state = b == Se ? State.Data : CountSubnegotiation();
                    break;
            }
        }

        return written == 0 ? ByteString.Empty : ByteString.FromBytes(output, 0, written);
    }

    /// <summary>Forgets any pending command.</summary>
    public void Reset() => _state = State.Data;

    private State CountSubnegotiation() =>
        ++_subnegotiated >= MaxSubnegotiationBytes ? State.Data : State.Subnegotiation;
}
