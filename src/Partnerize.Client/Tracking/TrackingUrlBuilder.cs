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

    /// <summary>
    /// Validates what a <see cref="ConversionBuilder"/> holds and builds its URL in one go, throwing when the conversion is
    /// not valid or its URL would be too long: the URL of <c>Build(builder.Build())</c>, without creating the
    /// <see cref="Conversion"/>.
    /// </summary>
    /// <param name="builder">The builder holding the conversion's values; it is only read.</param>
    /// <returns>The absolute tracking URL, escaped.</returns>
    /// <exception cref="ConversionRejectedException">
    /// The conversion is not valid (every rejection, as <see cref="ConversionBuilder.Build"/> lists them), or its URL would
    /// be too long.
    /// </exception>
    /// <remarks>See <see cref="TryBuild(ConversionBuilder, out string?, out IReadOnlyList{ConversionRejection})"/>.</remarks>
    public string Build(ConversionBuilder builder) =>
        TryBuild(builder, out var url, out var rejections) ? url : throw new ConversionRejectedException(rejections);

    /// <summary>
    /// Validates what a <see cref="ConversionBuilder"/> holds and builds its URL in one go, without throwing for bad data:
    /// the URL of <see cref="TryBuild(Conversion, out string?, out ConversionRejection?)"/> for the conversion
    /// <see cref="ConversionBuilder.TryBuild"/> would give, without creating the <see cref="Conversion"/>.
    /// </summary>
    /// <param name="builder">The builder holding the conversion's values; it is only read.</param>
    /// <param name="url">The absolute tracking URL, when the result is <see langword="true"/>.</param>
    /// <param name="rejections">
    /// Every rejection, as <see cref="ConversionBuilder.TryBuild"/> gives them, or the URL's
    /// <see cref="RejectionCodes.UrlTooLong"/> when the conversion is valid but its URL too long; empty when the result is
    /// <see langword="true"/>.
    /// </param>
    /// <returns>Whether the conversion is valid and its URL within <see cref="MaxLength"/>.</returns>
    /// <remarks>
    /// <para>The way for a loop that only needs URLs: with one builder reused for every row
    /// (<see cref="ConversionBuilder.Clear"/>), a valid conversion allocates nothing but its URL string.</para>
    /// <para>A builder created with a validator of your own is validated by it, as <see cref="ConversionBuilder.TryBuild"/>
    /// does, and the URL is built from the conversion it returns.</para>
    /// </remarks>
    public bool TryBuild(ConversionBuilder builder, [NotNullWhen(true)] out string? url, out IReadOnlyList<ConversionRejection> rejections)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Validator is DraftValidator)
        {
            return TryBuild(builder.Fields(), out url, out rejections);
        }

        if (!builder.TryBuild(out var conversion, out rejections))
        {
            url = null;
            return false;
        }

        return TryBuildModel(conversion, out url, out rejections);
    }

    /// <summary>
    /// For the tracker: validates a draft with the library's own validator and builds its URL without creating the
    /// <see cref="Conversion"/>. Gives the same URL and rejections as <see cref="ConversionValidator.Default"/> followed by
    /// <see cref="TryBuild(Conversion, out string?, out ConversionRejection?)"/>.
    /// </summary>
    /// <param name="draft">The draft.</param>
    /// <param name="url">The URL, when the result is <see langword="true"/>.</param>
    /// <param name="conversionRef">
    /// The draft's conversion reference trimmed (the valid conversion's <see cref="Conversion.ConversionRef"/>; for a
    /// rejected draft, <c>draft.ConversionRef?.Trim()</c>), for the row's result.
    /// </param>
    /// <param name="rejections">Every rejection, or <see cref="RejectionCodes.UrlTooLong"/>; empty when the result is <see langword="true"/>.</param>
    /// <returns>Whether the draft is valid and its URL within <see cref="MaxLength"/>.</returns>
    internal bool TryBuild(ConversionDraft draft, [NotNullWhen(true)] out string? url, out string? conversionRef, out IReadOnlyList<ConversionRejection> rejections)
    {
        ArgumentNullException.ThrowIfNull(draft);
        conversionRef = draft.ConversionRef?.Trim();
        return TryBuild(DraftFields.From(draft), out url, out rejections);
    }

    private bool TryBuild(in DraftFields fields, [NotNullWhen(true)] out string? url, out IReadOnlyList<ConversionRejection> rejections)
    {
        var writer = UrlWriter.OnThreadBuffer();
        try
        {
            if (ValidatingUrlWriter.TryWrite(ref writer, _prefix, fields))
            {
                return TryFinish(ref writer, out url, out rejections);
            }
        }
        finally
        {
            writer.Dispose();
        }

        // Something to reject, or a shape the fast path leaves to the validator: the validator decides, as
        // ConversionBuilder.TryBuild would, and a valid conversion's URL is written from the model.
        var conversion = DraftValidator.Validate(fields, out var found);
        if (conversion is null)
        {
            url = null;
            rejections = found;
            return false;
        }

        return TryBuildModel(conversion, out url, out rejections);
    }

    private bool TryBuildModel(Conversion conversion, [NotNullWhen(true)] out string? url, out IReadOnlyList<ConversionRejection> rejections)
    {
        if (TryBuild(conversion, out url, out var rejection))
        {
            rejections = [];
            return true;
        }

        rejections = [rejection];
        return false;
    }

    private bool TryFinish(ref UrlWriter writer, [NotNullWhen(true)] out string? url, out IReadOnlyList<ConversionRejection> rejections)
    {
        if (writer.Length > MaxLength)
        {
            url = null;
            rejections = [new ConversionRejection(RejectionCodes.UrlTooLong, "url", RejectionMessages.UrlTooLong(writer.Length, MaxLength))];
            return false;
        }

        url = writer.ToString();
        rejections = [];
        return true;
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
            writer.AppendDate(fulfilmentDate);
        }

        if (conversion.ConversionTime is { } conversionTime)
        {
            writer.Append("/" + ParameterNames.ConversionTime + ":");
            writer.AppendEscapedTime(conversionTime.UtcDateTime);
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
            writer.AppendNonNegative(item.Quantity);
            Custom(ref writer, item.CustomParameters);
            writer.Append(']');
        }
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
