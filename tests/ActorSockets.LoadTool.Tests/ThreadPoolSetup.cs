using System.Runtime.CompilerServices;

namespace ActorSockets.LoadTool.Tests;

/// <summary>
/// xunit runs the test classes in parallel, and the load tests run a load generator and an echo server in this one
/// process with sub-second measuring windows. On a 2-core machine the thread pool starts with 2 threads and adds one
/// per half second when they are all busy, which stalled whole windows (seen as a connect storm with no completed
/// connect). Starting with more threads keeps the windows about the code under test.
/// </summary>
internal static class ThreadPoolSetup
{
    [ModuleInitializer]
    internal static void RaiseMinimumThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), Math.Max(completionPorts, 16));
    }
}
