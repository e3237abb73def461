using System.Globalization;

namespace ActorSockets.Protocols.Chat;

/// <summary>The settings of one chat endpoint, read from its merged config (see <c>actorsockets.protocols.chat</c> in <c>reference.conf</c>).</summary>
public sealed record ChatSettings
{
    /// <summary>The settings with every default.</summary>
    public static ChatSettings Default { get; } = new();

    /// <summary>The endpoint's name. With the cluster on, chat endpoints of the same name on every host are one chat.</summary>
    public string EndpointName { get; init; } = "chat";

    /// <summary>Members are named this followed by a number on connect. Defaults to <c>guest-</c>.</summary>
    public string GuestNickPrefix { get; init; } = "guest-";

    /// <summary>The room every member joins on connect. Defaults to <c>lobby</c>.</summary>
    public string DefaultRoom { get; init; } = ChatNames.DefaultRoom;

    /// <summary>Rooms the endpoint holds at most. Defaults to 1000.</summary>
    public int MaxRooms { get; init; } = 1000;

    /// <summary>Messages a member's outbound queue holds at most before the member is dropped. Defaults to 1000.</summary>
    public int OutboundMaxMessages { get; init; } = 1000;

    /// <summary>Bytes a member's outbound queue holds at most before the member is dropped. Defaults to 1 MiB.</summary>
    public long OutboundMaxBytes { get; init; } = 1024 * 1024;

    /// <summary>Queued messages one socket write may carry. Defaults to 64.</summary>
    public int MaxMessagesPerWrite { get; init; } = 64;

    /// <summary>Lines a member may send per second on average before its reading is slowed down. Defaults to 20.</summary>
    public double LinesPerSecond { get; init; } = 20;

    /// <summary>Lines a member may send at once before <see cref="LinesPerSecond"/> applies. Defaults to 50.</summary>
    public int LineBurst { get; init; } = 50;

    /// <summary>The longest line a member may send, in bytes. Defaults to 1024.</summary>
    public int MaxLineLength { get; init; } = ChatInputDecoder.DefaultMaxLineLength;

    /// <summary>How long a member may stay silent before it is disconnected; null (the default) for never.</summary>
    public TimeSpan? IdleTimeout { get; init; }

    /// <summary>With the cluster on: events one host may have sent another unacknowledged before it is cut off. Defaults to 10000.</summary>
    public int ClusterMaxUnackedEvents { get; init; } = 10000;

    /// <summary>With the cluster on: how long <c>/nick</c> waits for the cluster's nick authority. Defaults to 10 s.</summary>
    public TimeSpan NickClaimTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a closing member waits for its last lines to be flushed. Defaults to 5 s.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether <paramref name="nick"/> is a guest nick: <see cref="GuestNickPrefix"/> followed by digits only (case
    /// does not matter, as for every nick). The server gives these out; a member cannot choose one.
    /// </summary>
    public bool IsGuestNick(string nick)
    {
        ArgumentNullException.ThrowIfNull(nick);
        return nick.Length > GuestNickPrefix.Length
            && nick.StartsWith(GuestNickPrefix, StringComparison.OrdinalIgnoreCase)
            && nick.AsSpan(GuestNickPrefix.Length).ContainsAnyExceptInRange('0', '9') is false;
    }

    /// <summary>Reads the chat settings of <paramref name="endpoint"/>.</summary>
    /// <exception cref="EndpointConfigException">A value is invalid.</exception>
    public static ChatSettings FromEndpoint(EndpointSettings endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var name = endpoint.Name;
        var config = endpoint.Config;
        var prefix = EndpointSettings.ReadString(name, config, "guest-nick-prefix");
        if (!ChatNames.IsValidNick(prefix + "1", out var nickError) || prefix.Length > ChatNames.MaxLength - 6)
        {
            throw new EndpointConfigException(
                name, "guest-nick-prefix",
                $"guest-nick-prefix '{prefix}' does not make valid nicks ({nickError ?? "at most " + (ChatNames.MaxLength - 6).ToString(CultureInfo.InvariantCulture) + " characters"})");
        }

        var room = EndpointSettings.ReadString(name, config, "default-room");
        if (!ChatNames.IsValidRoom(room, out var roomError))
        {
            throw new EndpointConfigException(name, "default-room", $"default-room '{room}': {roomError}");
        }

        return new ChatSettings
        {
            EndpointName = name,
            GuestNickPrefix = prefix,
            DefaultRoom = room,
            MaxRooms = EndpointSettings.ReadPositiveInt(name, config, "max-rooms"),
            OutboundMaxMessages = EndpointSettings.ReadPositiveInt(name, config, "outbound-queue.max-messages"),
            OutboundMaxBytes = EndpointSettings.ReadSize(name, config, "outbound-queue.max-bytes", 1024, int.MaxValue),
            MaxMessagesPerWrite = EndpointSettings.ReadPositiveInt(name, config, "max-messages-per-write"),
            LinesPerSecond = EndpointSettings.ReadPositiveInt(name, config, "flood-control.lines-per-second"),
            LineBurst = EndpointSettings.ReadPositiveInt(name, config, "flood-control.burst"),
            ClusterMaxUnackedEvents = EndpointSettings.ReadPositiveInt(name, config, "cluster.max-unacked-events"),
            NickClaimTimeout = EndpointSettings.ReadOptionalDuration(name, config, "cluster.nick-claim-timeout")
                ?? throw new EndpointConfigException(name, "cluster.nick-claim-timeout", "cluster.nick-claim-timeout must be a positive duration"),
            MaxLineLength = endpoint.MaxLineLength,
            IdleTimeout = endpoint.IdleTimeout,
            CloseTimeout = endpoint.CloseTimeout,
        };
    }
}
