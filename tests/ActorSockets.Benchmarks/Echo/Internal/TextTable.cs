using System.Text;

namespace ActorSockets.Benchmarks.Echo.Internal;

/// <summary>A plain-text table: the first column left-aligned, the others right-aligned, each as wide as its widest cell.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [headers];

    public void Add(params string[] cells) => _rows.Add(cells);

    public override string ToString()
    {
        var columns = _rows.Max(row => row.Length);
        var widths = new int[columns];
        foreach (var row in _rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        var text = new StringBuilder();
        foreach (var row in _rows)
        {
            var line = new StringBuilder();
            for (var c = 0; c < row.Length; c++)
            {
                line.Append(c < 2 ? row[c].PadRight(widths[c]) : row[c].PadLeft(widths[c])).Append("  ");
            }

            text.AppendLine(line.ToString().TrimEnd());
        }

        return text.ToString();
    }
}
