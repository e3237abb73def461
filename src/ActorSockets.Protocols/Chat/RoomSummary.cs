namespace ActorSockets.Protocols.Chat;

/// <summary>One line of the <c>/rooms</c> listing: a room's name and how many members it has.</summary>
/// <param name="Name">The room name.</param>
/// <param name="MemberCount">The number of members in the room.</param>
public readonly record struct RoomSummary(string Name, int MemberCount);
