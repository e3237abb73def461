using ActorSockets.Host.Internal;

return await new HostRunner(Console.Out, Console.Error).RunAsync(args).ConfigureAwait(false);
