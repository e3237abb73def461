using System.Text;

namespace ActorSockets.Hocon.Internal;

/// <summary>
/// Prints a resolved tree as HOCON that parses back to the same tree: objects as indented blocks,
/// strings always quoted (so "true" stays a string and "10" stays text), numbers as written.
/// </summary>
internal static class Renderer
{
    public static string Render(HoconObject root)
    {
        var sb = new StringBuilder();
        RenderFields(sb, root, 0);
        return sb.ToString();
    }

    private static void RenderFields(StringBuilder sb, HoconObject obj, int indent)
    {
        for (var i = 0; i < obj.Count; i++)
        {
            var key = obj.KeyAt(i);
            var value = obj.ValueAt(i);
            sb.Append(' ', indent * 2);
            HoconPath.AppendKey(sb, key);
            if (value is HoconObject child)
            {
                sb.Append(' ');
                RenderObject(sb, child, indent);
            }
            else
            {
                sb.Append(" = ");
                RenderValue(sb, value, indent);
            }

            sb.Append('\n');
        }
    }

    private static void RenderObject(StringBuilder sb, HoconObject obj, int indent)
    {
        if (obj.Count == 0)
        {
            sb.Append("{}");
            return;
        }

        sb.Append("{\n");
        RenderFields(sb, obj, indent + 1);
        sb.Append(' ', indent * 2).Append('}');
    }

    private static void RenderValue(StringBuilder sb, HoconValue value, int indent)
    {
        switch (value)
        {
            case HoconScalar { Kind: ScalarKind.String } text:
                HoconPath.AppendQuoted(sb, text.Text);
                break;
            case HoconScalar scalar:
                sb.Append(scalar.Text);
                break;
            case HoconObject obj:
                RenderObject(sb, obj, indent);
                break;
            case HoconArray array:
                RenderArray(sb, array, indent);
                break;
            default:
                throw new InvalidOperationException($"Cannot render an unresolved {value.TypeName}");
        }
    }

    private static void RenderArray(StringBuilder sb, HoconArray array, int indent)
    {
        if (array.Items.All(item => item is HoconScalar))
        {
            sb.Append('[');
            for (var i = 0; i < array.Items.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(", ");
                }

                RenderValue(sb, array.Items[i], indent);
            }

            sb.Append(']');
            return;
        }

        sb.Append("[\n");
        foreach (var item in array.Items)
        {
            sb.Append(' ', (indent + 1) * 2);
            RenderValue(sb, item, indent + 1);
            sb.Append(",\n");
        }

        sb.Append(' ', indent * 2).Append(']');
    }
}
