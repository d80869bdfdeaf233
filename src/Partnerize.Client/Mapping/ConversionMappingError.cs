namespace Partnerize.Client.Mapping;

/// <summary>One problem of a <see cref="ConversionMapping"/> definition.</summary>
/// <param name="Entry">
/// The entry concerned, named as in the JSON shape: <c>conversionRef</c>, <c>items.column</c>, <c>custom.check_in_date</c>,
/// <c>items.custom.size</c>; <c>json</c> when the text is not JSON at all, <c>mapping</c> for the definition as a whole.
/// </param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record ConversionMappingError(string Entry, string Message)
{
    /// <summary>Returns <c>entry: message</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"{Entry}: {Message}";
}
