using System.Text;

namespace ActorSockets.Hocon.Internal;

internal sealed partial class Parser
{
    /// <summary>
    /// Collects the pieces of a key into path segments: unquoted text splits at '.', quoted text
    /// keeps its dots, and whitespace counts only between two pieces of one segment.
    /// </summary>
    private sealed class KeyBuilder
    {
        private readonly List<string> _segments = [];
        private readonly StringBuilder _current = new();
        private string? _pendingWhitespace;
        private bool _hasContent;
        private bool _afterDot;

        public void AddUnquoted(ReadOnlySpan<char> text, Parser parser, Token token)
        {
            var runStart = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] != '.')
                {
                    continue;
                }

                Append(text[runStart..i]);
                if (!_hasContent)
                {
                    throw parser.Error(token, $"empty path segment in key '{Describe()}{text.ToString()}' (two dots, or a leading or trailing dot); quote keys that contain dots");
                }

                _segments.Add(_current.ToString());
                _current.Clear();
                _hasContent = false;
                _afterDot = true;
                runStart = i + 1;
            }

            Append(text[runStart..]);
        }

        public void AddQuoted(string text)
        {
            FlushWhitespace();
            _current.Append(text);
            _hasContent = true;
        }

        public void AddWhitespace(string text)
        {
            if (_hasContent)
            {
                _pendingWhitespace = text;
            }
        }

        public string[] Finish(Parser parser, Token first)
        {
            if (!_hasContent)
            {
                throw parser.Error(first, _segments.Count == 0 && !_afterDot
                    ? "expected a key before the separator"
                    : $"key '{Describe()}' ends with a dot; quote keys that contain dots");
            }

            _segments.Add(_current.ToString());
            return [.. _segments];
        }

        public string Describe() => string.Join('.', _segments) + (_segments.Count > 0 ? "." : "") + _current;

        private void Append(ReadOnlySpan<char> text)
        {
            if (text.Length == 0)
            {
                return;
            }

            FlushWhitespace();
            _current.Append(text);
            _hasContent = true;
        }

        private void FlushWhitespace()
        {
            if (_pendingWhitespace is not null)
            {
                _current.Append(_pendingWhitespace);
                _pendingWhitespace = null;
            }
        }
    }
}
