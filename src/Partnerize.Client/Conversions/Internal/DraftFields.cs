using System.Runtime.CompilerServices;

namespace Partnerize.Client.Conversions.Internal;

/// <summary>
/// The fields <see cref="DraftValidator"/> reads: those of a <see cref="ConversionDraft"/>, or a
/// <see cref="ConversionBuilder"/>'s own. The builder's way skips the draft and its defensive copies of the lists, and
/// hands over dates set as <see cref="DateOnly"/> or <see cref="DateTimeOffset"/> as they are, instead of writing them
/// out as text only for validation to parse them back.
/// </summary>
internal readonly struct DraftFields
{
    public string? ConversionRef { get; init; }

    public string? ClickRef { get; init; }

    public ConversionItemDraft? Item { get; init; }

    /// <summary>A draft's items array.</summary>
    public IReadOnlyList<ConversionItemDraft?>? Items { get; init; }

    /// <summary>
    /// A builder's items array instead of <see cref="Items"/>: its own list of typed values and drafts, read only while
    /// validating.
    /// </summary>
    public List<ItemEntry>? ItemEntries { get; init; }

    public string? Currency { get; init; }

    public string? Country { get; init; }

    public string? CustomerType { get; init; }

    public string? Voucher { get; init; }

    public string? CustomerRef { get; init; }

    /// <summary>The fulfilment date as text; ignored when <see cref="FulfilmentDateValue"/> is set.</summary>
    public string? FulfilmentDate { get; init; }

    /// <summary>The fulfilment date as given to the builder, when it was given as a date.</summary>
    public DateOnly? FulfilmentDateValue { get; init; }

    /// <summary>The conversion time as text; ignored when <see cref="ConversionTimeValue"/> is set.</summary>
    public string? ConversionTime { get; init; }

    /// <summary>The conversion time as given to the builder, when it was given as a <see cref="DateTimeOffset"/>.</summary>
    public DateTimeOffset? ConversionTimeValue { get; init; }

    /// <summary>Read only while validating: a builder passes its own list.</summary>
    public IReadOnlyList<CustomParameter>? CustomParameters { get; init; }

    public IReadOnlyList<ConversionRejection>? MappingRejections { get; init; }

    public IReadOnlyDictionary<string, string>? SourceColumns { get; init; }

    // Inlined so that the fields are built in the caller's frame: a struct of references returned through a hidden buffer
    // is written with a write barrier per reference.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DraftFields From(ConversionDraft draft) => new()
    {
        ConversionRef = draft.ConversionRef,
        ClickRef = draft.ClickRef,
        Item = draft.Item,
        Items = draft.Items,
        Currency = draft.Currency,
        Country = draft.Country,
        CustomerType = draft.CustomerType,
        Voucher = draft.Voucher,
        CustomerRef = draft.CustomerRef,
        FulfilmentDate = draft.FulfilmentDate,
        ConversionTime = draft.ConversionTime,
        CustomParameters = draft.CustomParameters,
        MappingRejections = draft.MappingRejections,
        SourceColumns = draft.SourceColumns,
    };
}
