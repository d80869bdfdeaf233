namespace Partnerize.Client.Mapping;

/// <summary>A custom parameter and where its value comes from.</summary>
/// <param name="Parameter">The parameter name sent to Partnerize, e.g. <c>check_in_date</c>.</param>
/// <param name="Source">The source column (basket level) or the key inside each items entry (item level).</param>
public readonly record struct CustomParameterMapping(string Parameter, string Source);
