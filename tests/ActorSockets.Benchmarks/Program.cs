#if !CHAT_BENCHMARKS_EXCLUDED
using ActorSockets.Benchmarks.Chat;
#endif
using ActorSockets.Benchmarks.Echo;
using BenchmarkDotNet.Running;

#if !CHAT_BENCHMARKS_EXCLUDED
if (ChatFanoutCommand.Handles(args))
{
    return await ChatFanoutCommand.RunAsync(args);
}
#endif

if (EchoCommands.Handles(args))
{
    return await EchoCommands.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
