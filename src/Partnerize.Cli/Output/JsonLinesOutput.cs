using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Partnerize.Cli.Output;

/// <summary>Writes one JSON object per row on standard output (<c>--output jsonl</c>), in input order.</summary>
internal sealed class JsonLinesOutput(TextWriter output)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriterPool _buffer = new();

    public void Write(RowOutcome outcome)
    {
        var buffer = _buffer.Rent();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("row", outcome.Row.Number);
            WriteStringOrNull(json, "conversionRef", outcome.ConversionRef);
            json.WriteString("outcome", outcome.Outcome);
            if (outcome.Url is not null)
            {
                json.WriteString("url", outcome.Url);
            }

            if (outcome.Status is { } status)
            {
                json.WriteNumber("status", status);
            }

            if (outcome.Attempts > 0)
            {
                json.WriteNumber("attempts", outcome.Attempts);
            }

            if (outcome.Errors.Count > 0)
            {
                json.WriteStartArray("errors");
                foreach (var error in outcome.Errors)
                {
                    json.WriteStartObject();
                    json.WriteString("code", error.Code);
                    json.WriteString("field", error.Field);
                    json.WriteString("message", error.Message);
                    if (error.Column is not null)
                    {
                        json.WriteString("column", error.Column);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            if (outcome.Reason is not null)
            {
                json.WriteString("reason", outcome.Reason);
            }

            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>One reusable buffer: rows are written one at a time.</summary>
    private sealed class ArrayBufferWriterPool
    {
        private readonly System.Buffers.ArrayBufferWriter<byte> _writer = new(1024);

        public System.Buffers.ArrayBufferWriter<byte> Rent()
        {
            _writer.ResetWrittenCount();
            return _writer;
        }
    }
}
