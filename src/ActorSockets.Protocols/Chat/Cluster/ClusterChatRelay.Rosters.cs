namespace ActorSockets.Protocols.Chat.Cluster;

/// <summary>
/// How hosts learn each other's members: <see cref="Hello"/> until every up host's roster is in, and a host's whole
/// roster in <see cref="RosterPart"/>s to any host whose <see cref="Hello"/> does not name it.
/// </summary>
public sealed partial class ClusterChatRelay
{
    private void OnHello(Hello hello)
    {
        if (!hello.Heard.Contains(_origin) && _hosts.TryGetValue(hello.Origin, out var host))
        {
            SendRoster(host);
        }

        if (!_heard.Contains(hello.Origin))
        {
            // It is up and reaches us, but its roster has not come: ask again.
            SayHello();
        }
    }

    private void SendRoster(Destination host)
    {
        var members = _local.Values.ToArray();
        var parts = Math.Max(1, (members.Length + RosterPartSize - 1) / RosterPartSize);
        for (var part = 0; part < parts; part++)
        {
            var slice = members.Skip(part * RosterPartSize).Take(RosterPartSize).ToArray();
            SendTo(host, new RosterPart(_origin, part, part == parts - 1, slice));
        }
    }

    private void OnRosterPart(RosterPart part)
    {
        if (part.Part == 0)
        {
            _incoming[part.Origin] = [];
        }

        if (!_incoming.TryGetValue(part.Origin, out var entries))
        {
            return;
        }

        entries.AddRange(part.Members);
        if (!part.Last)
        {
            return;
        }

        _incoming.Remove(part.Origin);
        _heard.Add(part.Origin);
        _registry.Tell(new RosterReplaced(part.Origin, [.. entries]), Self);
        SayHello();
    }

    private void SayHello()
    {
        if (!_subscribed || _alone)
        {
            return;
        }

        var missing = _hosts.Values.Where(h => !_heard.Contains(h.Origin)).ToList();
        if (missing.Count > 0)
        {
            var hello = new Hello(_origin, [.. _heard]);
            foreach (var host in missing)
            {
                SendTo(host, hello);
            }

            Timers.StartSingleTimer(SendHello.Instance, SendHello.Instance, HelloInterval);
        }
        else
        {
            Timers.Cancel(SendHello.Instance);
        }
    }
}
