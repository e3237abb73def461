using ActorSockets.Benchmarks.Chat;
using ActorSockets.Benchmarks.Echo;
using BenchmarkDotNet.Running;

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
