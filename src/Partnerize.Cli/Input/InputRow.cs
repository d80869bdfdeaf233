using System.Text.Json;

namespace Partnerize.Cli.Input;

/// <summary>One data row of an input file, before mapping.</summary>
/// <param name="Number">The 1-based data row number (the header does not count; blank JSON lines do not count).</param>
/// <param name="Fields">The columns of a CSV row, by header name (case-insensitive), as text.</param>
/// <param name="Json">The object of a JSON or JSON Lines row.</param>
/// <param name="ReadError">Why the row could not be read, when it could not; the row is then rejected.</param>
internal sealed record InputRow(int Number, IReadOnlyDictionary<string, object?>? Fields, JsonElement? Json, string? ReadError = null)
{
    /// <summary>The field a <see cref="ReadError"/> is about (<c>item.value</c>); <c>row</c> when it is the whole row.</summary>
    public string ReadErrorField { get; init; } = "row";

    /// <summary>The column a <see cref="ReadError"/> is about, when it is one column.</summary>
    public string? ReadErrorColumn { get; init; }

    /// <summary>The row as text fields, in file order, for the report of rows to fix and replay.</summary>
    public IEnumerable<KeyValuePair<string, string?>> RawFields()
    {
        if (Fields is not null)
        {
            foreach (var (key, value) in Fields)
            {
                yield return new KeyValuePair<string, string?>(key, value?.ToString());
            }
        }
        else if (Json is { ValueKind: JsonValueKind.Object } json)
        {
            foreach (var property in json.EnumerateObject())
            {
                yield return new KeyValuePair<string, string?>(
                    property.Name,
                    property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Null or JsonValueKind.Undefined => null,
                        _ => property.Value.GetRawText(),
                    });
            }
        }
    }
}
