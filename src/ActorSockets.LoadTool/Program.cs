using ActorSockets.LoadTool;

var parsed = LoadOptionsParser.Parse(args);
if (parsed.HelpRequested)
{
    Console.Out.WriteLine(LoadOptionsParser.Usage);
    return 0;
}

if (parsed.Options is not { } options)
{
    Console.Error.WriteLine($"error: {parsed.ErrorMessage}");
    Console.Error.WriteLine();
    Console.Error.WriteLine(LoadOptionsParser.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

LoadResult result;
try
{
    var hooks = new LoadHooks { Progress = options.Quiet ? null : Console.Error };
    result = await LoadGenerator.RunAsync(options, hooks, cancel.Token);
}
catch (LoadTargetException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

if (options.Json)
{
    LoadReport.WriteJson(Console.Out, result);
}
else
{
    LoadReport.WriteTable(Console.Out, result);
}

return result.ErrorCount == 0 ? 0 : 1;
