using System.Globalization;
using Microsoft.Diagnostics.Runtime;

// Usage: HeapCensus PID [TOP]
// Suspends the process, walks its managed heap and prints the TOP types by total size (count, bytes, type), then
// the heap's committed size. Needs ptrace rights over the process (same user, or root).
if (args.Length is < 1 or > 2 || !int.TryParse(args[0], CultureInfo.InvariantCulture, out var pid))
{
    Console.Error.WriteLine("usage: HeapCensus PID [TOP]");
    return 2;
}

var top = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40;
using var target = DataTarget.AttachToProcess(pid, suspend: true);
using var runtime = target.ClrVersions[0].CreateRuntime();
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
