using ActorSockets.Benchmarks.Echo;
using BenchmarkDotNet.Running;

if (EchoCommands.Handles(args))
{
    return await EchoCommands.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
