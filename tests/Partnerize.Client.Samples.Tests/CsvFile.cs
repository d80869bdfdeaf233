using System.Text;

namespace Partnerize.Client.Samples.Tests;

/// <summary>A small RFC 4180 reader for the bundled example orders (quoted fields, doubled quotes, commas in quotes).</summary>
public static class CsvFile
{
    /// <summary>The header and the rows of a CSV file; an empty field is null, as a database NULL would be.</summary>
    public static (IReadOnlyList<string> Header, IReadOnlyList<string?[]> Rows) Read(string path)
    {
        var records = Parse(File.ReadAllText(path));
        var header = records[0].Select(field => field ?? "").ToList();
        return (header, records.Skip(1).ToList());
    }

    private static List<string?[]> Parse(string text)
    {
        var records = new List<string?[]>();
        var fields = new List<string?>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.Length == 0 ? null : field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.Length == 0 ? null : field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.Length == 0 ? null : field.ToString());
            records.Add([.. fields]);
        }

        return records;
    }
}
