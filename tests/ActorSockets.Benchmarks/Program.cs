using ActorSockets.Benchmarks.Chat;
using ActorSockets.Benchmarks.Echo;
using BenchmarkDotNet.Running;

if (ActorSockets.Benchmarks.Cluster.ClusterFanoutCommand.Handles(args))
{
    return await ActorSockets.Benchmarks.Cluster.ClusterFanoutCommand.RunAsync(args);
}

if (ChatFanoutCommand.Handles(args))
{
    return await ChatFanoutCommand.RunAsync(args);
}

if (EchoCommands.Handles(args))
{
    return await EchoCommands.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
