using System.Globalization;
using Microsoft.Diagnostics.Runtime;

// Usage: HeapCensus PID [TOP] | HeapCensus PID --stacks
// Suspends the process, walks its managed heap and prints the TOP types by total size (count, bytes, type), then
// the heap's committed size. With --stacks it prints every managed thread's stack instead, identical stacks
// grouped (for a server that stopped answering: where are its threads?). Needs ptrace rights over the process
// (same user, or root).
if (args.Length is < 1 or > 2 || !int.TryParse(args[0], CultureInfo.InvariantCulture, out var pid))
{
    Console.Error.WriteLine("usage: HeapCensus PID [TOP] | HeapCensus PID --stacks");
    return 2;
}

using var target = DataTarget.AttachToProcess(pid, suspend: true);
using var runtime = target.ClrVersions[0].CreateRuntime();
if (args.Length > 1 && args[1] == "--stacks")
{
    var stacks = runtime.Threads
        .Where(thread => thread.IsAlive)
        .Select(thread => string.Join(Environment.NewLine, thread.EnumerateStackTrace().Take(40).Select(frame => "    " + frame)))
        .GroupBy(stack => stack, StringComparer.Ordinal)
        .OrderByDescending(group => group.Count());
    foreach (var group in stacks)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{group.Count()} thread(s):"));
        Console.WriteLine(group.Key.Length == 0 ? "    (no managed frames)" : group.Key);
    }

    return 0;
}

var top = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40;
var byType = new Dictionary<string, (long Count, long Bytes)>(StringComparer.Ordinal);
long objects = 0;
long bytes = 0;
foreach (var obj in runtime.Heap.EnumerateObjects())
{
    if (!obj.IsValid)
    {
        continue;
    }

    var name = obj.Type?.Name ?? "?";
    byType.TryGetValue(name, out var entry);
    byType[name] = (entry.Count + 1, entry.Bytes + (long)obj.Size);
    objects++;
    bytes += (long)obj.Size;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"count",10} {"bytes",12}  type"));
foreach (var (name, (count, size)) in byType.OrderByDescending(pair => pair.Value.Bytes).Take(top))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count,10} {size,12}  {name}"));
}

var committed = runtime.Heap.Segments.Sum(segment => (long)segment.CommittedMemory.Length);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{objects:N0} objects, {bytes:N0} bytes; heap committed {committed:N0} bytes"));
return 0;
