namespace Partnerize.Client.Conversions;

/// <summary>The stable codes of <see cref="ConversionRejection.Code"/>.</summary>
public static class RejectionCodes
{
    /// <summary>No conversion reference (order ID).</summary>
    public const string ConversionRefMissing = "conversion_ref_missing";

    /// <summary>No click reference.</summary>
    public const string ClickRefMissing = "click_ref_missing";

    /// <summary>No item fields at all: no array entries and no single-item field.</summary>
    public const string ItemsMissing = "items_missing";

    /// <summary>An item lacks its category and/or quantity.</summary>
    public const string ItemFieldMissing = "item_field_missing";

    /// <summary>An item quantity is not a whole number of 1 or more.</summary>
    public const string ItemQuantityInvalid = "item_quantity_invalid";

    /// <summary>An item value is not a number of 0 or more.</summary>
    public const string ItemValueInvalid = "item_value_invalid";

    /// <summary>The currency is not a three-letter ISO 4217 code.</summary>
    public const string CurrencyInvalid = "currency_invalid";

    /// <summary>The country is not a two-letter ISO 3166-1 alpha-2 code.</summary>
    public const string CountryInvalid = "country_invalid";

    /// <summary>The customer type is neither <c>new</c> nor <c>existing</c>.</summary>
    public const string CustomerTypeInvalid = "customer_type_invalid";

    /// <summary>The fulfilment date is not a real <c>YYYY-MM-DD</c> date.</summary>
    public const string FulfilmentDateInvalid = "fulfilment_date_invalid";

    /// <summary>The conversion time is not an ISO 8601 date and time.</summary>
    public const string ConversionTimeInvalid = "conversion_time_invalid";

    /// <summary>A custom parameter key is not 1 to 64 letters, digits or underscores.</summary>
    public const string CustomKeyInvalid = "custom_key_invalid";

    /// <summary>A custom parameter key is a standard Partnerize parameter name.</summary>
    public const string CustomKeyReserved = "custom_key_reserved";

    /// <summary>A custom parameter key appears more than once at the same level.</summary>
    public const string CustomKeyDuplicate = "custom_key_duplicate";

    /// <summary>A text field holds an unpaired UTF-16 surrogate, which cannot be encoded as UTF-8.</summary>
    public const string TextMalformed = "text_malformed";

    /// <summary>The tracking URL would be longer than the configured maximum.</summary>
    public const string UrlTooLong = "url_too_long";

    /// <summary>A mapped source value could not be converted (set by field mapping).</summary>
    public const string ValueUnreadable = "value_unreadable";
}
