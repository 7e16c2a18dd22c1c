using System.Buffers;
using System.Text;

namespace Safeguarding.Measures.Import.Csv;

/// <summary>
/// An RFC 4180 state machine over UTF-8 bytes, fed one buffer at a time; it keeps a partial field and
/// record between buffers, so memory is bounded by the longest record, never the file.
/// Accepts CRLF, LF or CR line ends; skips blank lines between records.
/// </summary>
internal sealed class CsvParser
{
    private const byte Quote = (byte)'"';
    private const byte Cr = (byte)'\r';
    private const byte Lf = (byte)'\n';

    private static readonly SearchValues<byte> QuotedStops = SearchValues.Create([Quote, Cr, Lf]);

    private readonly CsvReaderOptions _options;
    private readonly byte _delimiter;
    private readonly SearchValues<byte> _unquotedStops;
    private readonly List<string> _fields = [];
    private byte[] _field = new byte[256];
    private int _fieldLength;
    private State _state = State.RecordStart;
    private long _line = 1;
    private long _recordLine = 1;
    private bool _skipLf;
    private bool _quotedCr;
    private string? _error;

    public CsvParser(CsvReaderOptions options)
    {
        _options = options;
        _delimiter = options.Delimiter;
        _unquotedStops = SearchValues.Create([_delimiter, Quote, Cr, Lf]);
    }

    private enum State
    {
        RecordStart,
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }

    /// <summary>Set when the input cannot be read further (a runaway field); the last record carries the error.</summary>
    public bool Stopped { get; private set; }

    public void Feed(ReadOnlySpan<byte> data, List<CsvRecord> output)
    {
        var i = 0;
        while (i < data.Length && !Stopped)
        {
            var b = data[i];
            if (_skipLf)
            {
                // The LF of a CRLF that ended a record.
                _skipLf = false;
                if (b == Lf)
                {
                    i++;
                    continue;
                }
            }

            switch (_state)
            {
                case State.RecordStart:
                    if (b is Cr or Lf)
                    {
                        NewLine(b);
                        i++;
                        continue;
                    }

                    _recordLine = _line;
                    _state = State.FieldStart;
                    continue;

                case State.FieldStart:
                    if (b == Quote)
                    {
                        _state = State.Quoted;
                        i++;
                    }
                    else if (b == _delimiter)
                    {
                        EndField();
                        i++;
                    }
                    else if (b is Cr or Lf)
                    {
                        EndRecord(output);
                        NewLine(b);
                        i++;
                    }
                    else
                    {
                        _state = State.Unquoted;
                    }

                    continue;

                case State.Unquoted:
                    i += AppendRun(data[i..], _unquotedStops);
                    if (i >= data.Length)
                    {
                        continue;
                    }

                    b = data[i++];
                    if (b == _delimiter)
                    {
                        EndField();
                        _state = State.FieldStart;
                    }
                    else if (b is Cr or Lf)
                    {
                        EndRecord(output);
                        NewLine(b);
                    }
                    else
                    {
                        _error ??= $"a quote inside an unquoted field (line {_line})";
                        Append(b);
                    }

                    continue;

                case State.Quoted:
                    var run = AppendRun(data[i..], QuotedStops);
                    if (run > 0)
                    {
                        _quotedCr = false;
                        i += run;
                        if (i >= data.Length)
                        {
                            continue;
                        }
                    }

                    b = data[i++];
                    if (b == Quote)
                    {
                        _quotedCr = false;
                        _state = State.QuoteInQuoted;
                        continue;
                    }

                    // A line end inside quotes is data; count it so later line numbers stay true.
                    if (b == Cr || !_quotedCr)
                    {
                        _line++;
                    }

                    _quotedCr = b == Cr;
                    Append(b);
                    continue;

                case State.QuoteInQuoted:
                    i++;
                    if (b == Quote)
                    {
                        Append(Quote);
                        _state = State.Quoted;
                    }
                    else if (b == _delimiter)
                    {
                        EndField();
                        _state = State.FieldStart;
                    }
                    else if (b is Cr or Lf)
                    {
                        EndRecord(output);
                        NewLine(b);
                    }
                    else
                    {
                        _error ??= $"text after a closing quote (line {_line})";
                        Append(b);
                        _state = State.Unquoted;
                    }

                    continue;
            }
        }

        if (Stopped)
        {
            output.Add(new CsvRecord(_recordLine, _fields.ToArray(), _error));
            _fields.Clear();
        }
    }

    /// <summary>End of input: completes a last record without a line end; flags an unterminated quote.</summary>
    public void Finish(List<CsvRecord> output)
    {
        if (Stopped || _state == State.RecordStart)
        {
            return;
        }

        if (_state == State.Quoted)
        {
            _error ??= $"a quoted field starting on line {_recordLine} or later is not closed before the end of the file";
        }

        EndRecord(output);
    }

    private void NewLine(byte b)
    {
        _line++;
        _skipLf = b == Cr;
    }

    /// <summary>Appends bytes up to the next byte the state machine must look at; returns how many.</summary>
    private int AppendRun(ReadOnlySpan<byte> data, SearchValues<byte> stops)
    {
        var stop = data.IndexOfAny(stops);
        var run = stop < 0 ? data : data[..stop];
        Append(run);
        return run.Length;
    }

    private void Append(byte b) => Append([b]);

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty || Stopped)
        {
            return;
        }

        var needed = _fieldLength + bytes.Length;
        if (needed > _options.MaxFieldBytes)
        {
            _error = $"a field is longer than {_options.MaxFieldBytes} bytes (record starting on line {_recordLine}); an unterminated quote? Reading stopped";
            Stopped = true;
            return;
        }

        if (needed > _field.Length)
        {
            Array.Resize(ref _field, Math.Min(Math.Max(needed, _field.Length * 2), _options.MaxFieldBytes));
        }

        bytes.CopyTo(_field.AsSpan(_fieldLength));
        _fieldLength = needed;
    }

    private void EndField()
    {
        if (_fields.Count >= _options.MaxFieldsPerRecord)
        {
            _error ??= $"more than {_options.MaxFieldsPerRecord} fields in one record";
        }
        else
        {
            _fields.Add(_fieldLength == 0 ? string.Empty : Encoding.UTF8.GetString(_field, 0, _fieldLength));
        }

        _fieldLength = 0;
    }

    private void EndRecord(List<CsvRecord> output)
    {
        EndField();
        output.Add(new CsvRecord(_recordLine, _fields.ToArray(), _error));
        _fields.Clear();
        _error = null;
        _state = State.RecordStart;
    }
}
