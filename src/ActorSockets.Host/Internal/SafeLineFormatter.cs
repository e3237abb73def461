using System.Globalization;
using System.Text;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace ActorSockets.Host.Internal;

/// <summary>
/// Formats one log event as exactly one line (plus indented exception lines), whatever the event holds.
/// </summary>
/// <remarks>
/// Property values and even message templates can carry text a peer chose (nicks, chat lines, payloads).
/// Serilog's template renderer writes such strings verbatim, so a value holding CR/LF would start a new,
/// forged log entry, and an ESC could drive the operator's terminal. This formatter therefore renders the
/// event head (timestamp, level, source, message, properties) into a buffer and escapes every control
/// character in it (<c>\r</c>, <c>\n</c>, <c>\t</c>, <c>\u001b</c>, ...) before writing it, then ends the
/// line itself. An exception follows on lines indented by two spaces, its messages escaped the same way,
/// so nothing after the head can look like the start of an entry. Backslashes are kept as they are: the
/// libraries already escape the strings they log (<c>LogSafe</c>), and doubling their escapes would only
/// make lines harder to read; what matters here is that no raw control character reaches the sink.
/// </remarks>
internal sealed class SafeLineFormatter : ITextFormatter
{
    public const string DefaultTemplate =
        "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext:l}: {Message:l}";

    /// <summary>
    /// Properties never listed after the message: shown already, or noise (MEL's event id; the logger
    /// actor's own path, the event's timestamp again and the thread id that Akka.Logger.Serilog adds to
    /// every Akka event). Akka's <c>LogSource</c>, the actor that logged, stays.
    /// </summary>
    private static readonly HashSet<string> _hidden = new(StringComparer.Ordinal)
    {
        "SourceContext", "EventId", "{OriginalFormat}", "ActorPath", "Timestamp", "Thread",
    };

    private readonly MessageTemplateTextFormatter _head;

    public SafeLineFormatter(string template = DefaultTemplate)
    {
        _head = new MessageTemplateTextFormatter(template, CultureInfo.InvariantCulture);
    }

    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(output);
        var head = new StringWriter(CultureInfo.InvariantCulture);
        _head.Format(WithShortSource(logEvent), head);
        AppendProperties(head, logEvent);
        var line = new StringBuilder(head.GetStringBuilder().Length + 8);
        AppendEscaped(line, head.ToString());
        line.Append('\n');
        if (logEvent.Exception is not null)
        {
            AppendException(line, logEvent.Exception, "  ");
        }

        output.Write(line.ToString());
    }

    /// <summary>Appends <paramref name="text"/> with every control, line-separator and bidi-override character escaped.</summary>
    public static void AppendEscaped(StringBuilder builder, string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (MustEscape(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }
    }

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        AppendEscaped(builder, text);
        return builder.ToString();
    }

    private static bool MustEscape(char c) =>
        char.IsControl(c)                      // C0, DEL and C1 (NEL, CSI...)
        || c is '\u2028' or '\u2029'           // line and paragraph separators
        || c is >= '\u202a' and <= '\u202e'    // bidi embeddings and overrides
        || c is >= '\u2066' and <= '\u2069';   // bidi isolates

    private static void AppendException(StringBuilder line, Exception exception, string indent)
    {
        line.Append(indent);
        AppendEscaped(line, exception.GetType().FullName + ": " + exception.Message);
        line.Append('\n');
        if (exception.StackTrace is { } trace)
        {
            foreach (var frame in trace.Split('\n'))
            {
                var text = frame.TrimEnd('\r').Trim();
                if (text.Length > 0)
                {
                    line.Append(indent).Append("  ");
                    AppendEscaped(line, text);
                    line.Append('\n');
                }
            }
        }

        var inner = exception is AggregateException aggregate ? aggregate.InnerExceptions : (IEnumerable<Exception>)(exception.InnerException is { } one ? [one] : []);
        foreach (var cause in inner)
        {
            line.Append(indent).Append("---> caused by\n");
            AppendException(line, cause, indent + "  ");
        }
    }

    /// <summary>
    /// Appends the properties the message does not show (scopes, connection ids, byte counts) as
    /// <c> {Name=value, ...}</c> sorted by name, or nothing when there are none.
    /// </summary>
    private static void AppendProperties(StringWriter head, LogEvent logEvent)
    {
        var shown = logEvent.MessageTemplate.Tokens.OfType<Serilog.Parsing.PropertyToken>().Select(t => t.PropertyName).ToHashSet(StringComparer.Ordinal);
        var first = true;
        foreach (var (name, value) in logEvent.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (_hidden.Contains(name) || shown.Contains(name))
            {
                continue;
            }

            head.Write(first ? " {" : ", ");
            first = false;
            head.Write(name);
            head.Write('=');
            value.Render(head, null, CultureInfo.InvariantCulture);
        }

        if (!first)
        {
            head.Write('}');
        }
    }

    /// <summary>Shows the last segment of the logger category (<c>TcpConnection</c>, not the full namespace).</summary>
    private static LogEvent WithShortSource(LogEvent logEvent)
    {
        if (!logEvent.Properties.TryGetValue("SourceContext", out var value)
            || value is not ScalarValue { Value: string source })
        {
            return logEvent;
        }

        var dot = source.LastIndexOf('.');
        if (dot < 0 || dot == source.Length - 1)
        {
            return logEvent;
        }

        var properties = logEvent.Properties
            .Select(p => p.Key == "SourceContext" ? new LogEventProperty(p.Key, new ScalarValue(source[(dot + 1)..])) : new LogEventProperty(p.Key, p.Value));
        return new LogEvent(logEvent.Timestamp, logEvent.Level, logEvent.Exception, logEvent.MessageTemplate, properties);
    }
}
