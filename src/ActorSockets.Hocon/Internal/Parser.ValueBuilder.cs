namespace ActorSockets.Hocon.Internal;

internal sealed partial class Parser
{
    /// <summary>
    /// Collects the parts of one value. Unquoted tokens and the whitespace between them are kept as
    /// a source range until something else arrives; whitespace between other parts is kept as a
    /// whitespace part because it matters when the concatenation turns out to be a string.
    /// </summary>
    private struct ValueBuilder
    {
        private readonly Parser _parser;
        private HoconValue? _first;
        private List<HoconValue>? _parts;
        private Token _runFirst;
        private int _runEnd;
        private int _runTokens;
        private Token _pendingWhitespace;
        private bool _hasPendingWhitespace;
        private bool _allText;

        public ValueBuilder(Parser parser)
        {
            _parser = parser;
            _allText = true;
        }

        private readonly bool IsEmpty => _first is null && _runTokens == 0;

        public void Whitespace(Token token)
        {
            if (!IsEmpty)
            {
                _pendingWhitespace = token;
                _hasPendingWhitespace = true;
            }
        }

        public void Unquoted(Token token)
        {
            if (_runTokens > 0)
            {
                _runEnd = token.Start + token.Length;
                _runTokens++;
                _hasPendingWhitespace = false;
                return;
            }

            AddPendingWhitespace();
            _runFirst = token;
            _runEnd = token.Start + token.Length;
            _runTokens = 1;
        }

        public void Add(HoconValue part, bool isText)
        {
            Flush();
            AddPendingWhitespace();
            Append(part);
            _allText &= isText;
        }

        /// <summary>Turns a pending run of unquoted text into a part.</summary>
        public void Flush()
        {
            if (_runTokens > 0)
            {
                _runTokens = 0;
                Append(new HoconScalar(ScalarKind.String, _parser._lexer.Text, _runFirst.Start, _runEnd - _runFirst.Start, _parser.OriginOf(_runFirst)));
            }
        }

        /// <summary>Returns the value, or null when there was none.</summary>
        public HoconValue? Finish()
        {
            if (_first is null && _runTokens == 1)
            {
                // A lone unquoted token gets its JSON type (true, 42, null); in a concatenation it is text.
                return _parser.Classify(_runFirst);
            }

            Flush();
            if (_parts is null)
            {
                return _first;
            }

            return _allText ? JoinText(_parts) : new HoconConcatenation(_parts, _parts[0].Origin);
        }

        private void AddPendingWhitespace()
        {
            if (_hasPendingWhitespace)
            {
                _hasPendingWhitespace = false;
                Append(new HoconScalar(ScalarKind.String, _parser._lexer.Text, _pendingWhitespace.Start, _pendingWhitespace.Length, _parser.OriginOf(_pendingWhitespace), isWhitespace: true));
            }
        }

        private void Append(HoconValue part)
        {
            if (_first is null)
            {
                _first = part;
                return;
            }

            _parts ??= [_first];
            _parts.Add(part);
        }
    }
}
