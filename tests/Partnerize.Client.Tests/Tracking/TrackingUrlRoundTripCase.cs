using System.Globalization;
using System.Text;
using Partnerize.Client.Conversions;

namespace Partnerize.Client.Tests.Tracking;

/// <summary>A generated conversion for the round-trip property, with the conversion time it was written from.</summary>
/// <param name="BaseAddress">The tracking base address.</param>
/// <param name="CampaignId">The campaign ID, untrimmed.</param>
/// <param name="Draft">The draft, with text exactly as generated.</param>
/// <param name="ConversionTime">The time <see cref="ConversionDraft.ConversionTime"/> was formatted from.</param>
public sealed record RoundTripCase(Uri BaseAddress, string CampaignId, ConversionDraft Draft, DateTimeOffset? ConversionTime)
{
    /// <summary>Every value escaped to ASCII, so that a failing case can be read and pasted into a test.</summary>
    public override string ToString()
    {
        var d = Draft;
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"base={BaseAddress} campaign={Show(CampaignId)} conversionRef={Show(d.ConversionRef)} ")
            .Append(CultureInfo.InvariantCulture, $"clickRef={Show(d.ClickRef)} currency={Show(d.Currency)} country={Show(d.Country)} ")
            .Append(CultureInfo.InvariantCulture, $"customerType={Show(d.CustomerType)} voucher={Show(d.Voucher)} customerRef={Show(d.CustomerRef)} ")
            .Append(CultureInfo.InvariantCulture, $"fulfilmentDate={Show(d.FulfilmentDate)} conversionTime={Show(d.ConversionTime)} ")
            .Append(CultureInfo.InvariantCulture, $"custom={Show(d.CustomParameters)} item={Show(d.Item)} items=");
        if (d.Items is null)
        {
            text.Append("null");
        }
        else
        {
            text.Append('[').AppendJoin(", ", d.Items.Select(Show)).Append(']');
        }

        return text.ToString();
    }

    internal static string Show(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c is >= ' ' and <= '~' and not '"' and not '\\')
            {
                text.Append(c);
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
        }

        return text.Append('"').ToString();
    }

    private static string Show(IReadOnlyList<CustomParameter>? parameters) =>
        parameters is null ? "null" : "[" + string.Join(", ", parameters.Select(p => p.Key + "=" + Show(p.Value))) + "]";

    private static string Show(ConversionItemDraft? item) => item is null
        ? "null"
        : $"{{category={Show(item.Category)} quantity={Show(item.Quantity)} value={Show(item.Value)} sku={Show(item.Sku)} custom={Show(item.CustomParameters)}}}";
}
