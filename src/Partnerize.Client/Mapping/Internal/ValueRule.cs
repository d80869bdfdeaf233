namespace Partnerize.Client.Mapping.Internal;

/// <summary>How a source value becomes a draft's text, by the kind of field it feeds.</summary>
internal enum ValueRule : byte
{
    /// <summary>References, codes, category, SKU: text or a number.</summary>
    Text,

    /// <summary>Quantity and value: a number or text (the validator judges the text).</summary>
    Number,

    /// <summary>The fulfilment date: a date, written <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary>The conversion time: a date and time, written ISO 8601 (<c>O</c>).</summary>
    DateTime,

    /// <summary>Custom parameters: text, a number, a boolean or a date.</summary>
    Custom,
}
