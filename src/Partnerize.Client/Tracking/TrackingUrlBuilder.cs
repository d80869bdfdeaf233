using System.Diagnostics.CodeAnalysis;
using Partnerize.Client.Conversions;
using Partnerize.Client.Conversions.Internal;
using Partnerize.Client.Tracking.Internal;

namespace Partnerize.Client.Tracking;

/// <summary>
/// Builds the server-to-server tracking URL of a <see cref="Conversion"/> for one campaign: a pure function,
/// no I/O, safe to share between threads.
/// </summary>
/// <remarks>
/// <para>The URL follows Partnerize's grammar (see docs/conversions.md):
/// <c>{base}/conversion/tracking_mode:api/campaign:{id}/conversionref:{ref}/clickref:{clickref}[/basket fields][/custom]/[category:…/sku:…/value:…/quantity:…][…]</c>.
/// Basket fields come in a fixed order, custom parameters in their mapped order, one bracketed group per item.</para>
/// <para>Every key and value is percent-encoded on its own (only <c>A-Z a-z 0-9 - . _ ~</c> stay as they are),
/// so no value can add or change a parameter. Numbers use the invariant culture.</para>
/// </remarks>
public sealed class TrackingUrlBuilder
{
    /// <summary>The default maximum URL length, in characters: longer URLs are rejected rather than cut by a proxy.</summary>
    public const int DefaultMaxLength = 8000;

    private readonly string _prefix;

    /// <summary>Creates a builder for one tracking host and campaign.</summary>
    /// <param name="trackingBaseAddress">The tracking host, e.g. <c>https://prf.hn/</c> or a brand subdomain.</param>
    /// <param name="campaignId">The Partnerize campaign ID, e.g. <c>10l176</c>.</param>
    /// <param name="maxLength">The longest URL accepted, in characters.</param>
    /// <exception cref="ArgumentException">The address is not an absolute http(s) address, or the campaign ID is empty.</exception>
    public TrackingUrlBuilder(Uri trackingBaseAddress, string campaignId, int maxLength = DefaultMaxLength)
    {
        ArgumentNullException.ThrowIfNull(trackingBaseAddress);
        ArgumentNullException.ThrowIfNull(campaignId);
        if (!trackingBaseAddress.IsAbsoluteUri || (trackingBaseAddress.Scheme != Uri.UriSchemeHttps && trackingBaseAddress.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"The tracking base address must be an absolute http(s) address; got '{trackingBaseAddress}'.", nameof(trackingBaseAddress));
        }

        // Credentials in the address would be copied into every URL, and so into logs and results.
        if (!string.IsNullOrEmpty(trackingBaseAddress.UserInfo))
        {
            throw new ArgumentException("The tracking base address must not contain a user name or password.", nameof(trackingBaseAddress));
        }

        if (!string.IsNullOrEmpty(trackingBaseAddress.Query) || !string.IsNullOrEmpty(trackingBaseAddress.Fragment))
        {
            throw new ArgumentException($"The tracking base address must not have a query or fragment; got '{trackingBaseAddress}'.", nameof(trackingBaseAddress));
        }

        var trimmedCampaign = campaignId.Trim();
        if (trimmedCampaign.Length == 0)
        {
            throw new ArgumentException("The campaign ID must not be empty.", nameof(campaignId));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 100);

        BaseAddress = trackingBaseAddress;
        CampaignId = trimmedCampaign;
        MaxLength = maxLength;
        _prefix = trackingBaseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/')
            + "/conversion/" + ParameterNames.TrackingMode + ":api/" + ParameterNames.Campaign + ":" + PercentEncoding.Encode(trimmedCampaign);
    }

    /// <summary>The tracking host the URLs point at.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The campaign ID every URL carries (trimmed).</summary>
    public string CampaignId { get; }

    /// <summary>The longest URL accepted, in characters.</summary>
    public int MaxLength { get; }

    /// <summary>Builds the URL, throwing when it would be longer than <see cref="MaxLength"/>.</summary>
    /// <param name="conversion">A valid conversion.</param>
    /// <returns>The absolute tracking URL, escaped.</returns>
    /// <exception cref="ConversionRejectedException">The URL would be too long.</exception>
    public string Build(Conversion conversion) =>
        TryBuild(conversion, out var url, out var rejection) ? url : throw new ConversionRejectedException([rejection]);

    /// <summary>Builds the URL without throwing.</summary>
    /// <param name="conversion">A valid conversion.</param>
    /// <param name="url">The absolute tracking URL, when the result is <see langword="true"/>.</param>
    /// <param name="rejection">Why the URL cannot be used (it would be too long), when the result is <see langword="false"/>.</param>
    /// <returns>Whether the URL is within <see cref="MaxLength"/>.</returns>
    public bool TryBuild(Conversion conversion, [NotNullWhen(true)] out string? url, [NotNullWhen(false)] out ConversionRejection? rejection)
    {
        ArgumentNullException.ThrowIfNull(conversion);
        var writer = UrlWriter.OnThreadBuffer();
        try
        {
            Write(ref writer, conversion);
            if (writer.Length > MaxLength)
            {
                url = null;
                rejection = new ConversionRejection(RejectionCodes.UrlTooLong, "url", RejectionMessages.UrlTooLong(writer.Length, MaxLength));
                return false;
            }

            url = writer.ToString();
            rejection = null;
            return true;
        }
        finally
        {
            writer.Dispose();
        }
    }

    private void Write(ref UrlWriter writer, Conversion conversion)
    {
        writer.Append(_prefix);
        Segment(ref writer, "/" + ParameterNames.ConversionRef + ":", conversion.ConversionRef);
        Segment(ref writer, "/" + ParameterNames.ClickRef + ":", conversion.ClickRef);
        Segment(ref writer, "/" + ParameterNames.Currency + ":", conversion.Currency);
        Segment(ref writer, "/" + ParameterNames.Country + ":", conversion.Country);
        if (conversion.CustomerType is { } customerType)
        {
            writer.Append(customerType == CustomerType.Existing
                ? "/" + ParameterNames.CustomerType + ":existing"
                : "/" + ParameterNames.CustomerType + ":new");
        }

        Segment(ref writer, "/" + ParameterNames.Voucher + ":", conversion.Voucher);
        Segment(ref writer, "/" + ParameterNames.CustomerRef + ":", conversion.CustomerRef);

        // Dates and numbers are written directly: their invariant text (digits, '-', '.') needs no escaping.
        if (conversion.FulfilmentDate is { } fulfilmentDate)
        {
            writer.Append("/" + ParameterNames.FulfilmentDate + ":");
            Date(ref writer, fulfilmentDate.Year, fulfilmentDate.Month, fulfilmentDate.Day);
        }

        if (conversion.ConversionTime is { } conversionTime)
        {
            // "yyyy-MM-dd HH:mm:ss" in UTC, escaped: the space is %20 and each ':' is %3A.
            var utc = conversionTime.UtcDateTime;
            writer.Append("/" + ParameterNames.ConversionTime + ":");
            Date(ref writer, utc.Year, utc.Month, utc.Day);
            writer.Append("%20");
            writer.AppendDigits(utc.Hour, 2);
            writer.Append("%3A");
            writer.AppendDigits(utc.Minute, 2);
            writer.Append("%3A");
            writer.AppendDigits(utc.Second, 2);
        }

        Custom(ref writer, conversion.CustomParameters);

        writer.Append('/');
        var items = conversion.Items;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            writer.Append("[" + ParameterNames.Category + ":");
            PercentEncoding.Append(ref writer, item.Category);
            Segment(ref writer, "/" + ParameterNames.Sku + ":", item.Sku);
            if (item.Value is { } value)
            {
                writer.Append("/" + ParameterNames.Value + ":");
                writer.AppendDecimal(value);
            }

            writer.Append("/" + ParameterNames.Quantity + ":");
            writer.AppendInvariant(item.Quantity);
            Custom(ref writer, item.CustomParameters);
            writer.Append(']');
        }
    }

    private static void Date(ref UrlWriter writer, int year, int month, int day)
    {
        writer.AppendDigits(year, 4);
        writer.Append('-');
        writer.AppendDigits(month, 2);
        writer.Append('-');
        writer.AppendDigits(day, 2);
    }

    private static void Custom(ref UrlWriter writer, IReadOnlyList<CustomParameter> parameters)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            writer.Append('/');
            PercentEncoding.Append(ref writer, parameters[i].Key);
            writer.Append(':');
            PercentEncoding.Append(ref writer, parameters[i].Value);
        }
    }

    private static void Segment(ref UrlWriter writer, string keyWithSeparators, scoped ReadOnlySpan<char> value)
    {
        // Absent fields are left out entirely: never "voucher:" with an empty value (contract 1.2).
        if (value.IsEmpty)
        {
            return;
        }

        writer.Append(keyWithSeparators);
        PercentEncoding.Append(ref writer, value);
    }
}
