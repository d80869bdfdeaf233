namespace Partnerize.Client.Conversions;

/// <summary>
/// A vertical-specific parameter appended to a conversion or an item, for example <c>check_in_date</c> for travel.
/// </summary>
/// <param name="Key">The parameter name: letters, digits and <c>_</c>, 1 to 64 characters, not a standard name.</param>
/// <param name="Value">The value; when empty or white space the parameter is left out of the request.</param>
public readonly record struct CustomParameter(string Key, string? Value);
