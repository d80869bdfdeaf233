namespace Partnerize.Client.Mapping.Internal;

/// <summary>What a <see cref="Cell"/> holds.</summary>
internal enum CellKind : byte
{
    /// <summary>The column is not in the row at all: treated as empty.</summary>
    Missing,

    /// <summary><see langword="null"/>, <see cref="DBNull"/> or JSON <c>null</c>: treated as empty.</summary>
    Null,

    /// <summary>Text (also a <see cref="char"/> or a <see cref="Guid"/>, already as text).</summary>
    Text,

    /// <summary>An integer or a <see cref="decimal"/>, held as a decimal.</summary>
    Number,

    /// <summary>A <see cref="double"/>.</summary>
    Double,

    /// <summary>A <see cref="float"/>, held as a double and formatted as a float.</summary>
    Single,

    /// <summary>A <see cref="bool"/>.</summary>
    Boolean,

    /// <summary>A <see cref="System.DateTime"/>.</summary>
    DateTime,

    /// <summary>A <see cref="System.DateOnly"/>, held as a midnight <see cref="System.DateTime"/>.</summary>
    DateOnly,

    /// <summary>A <see cref="System.DateTimeOffset"/>.</summary>
    DateTimeOffset,

    /// <summary>A <see cref="System.Text.Json.JsonElement"/> that is not JSON <c>null</c>.</summary>
    Json,

    /// <summary>Any other object: nothing reads it (byte arrays, time spans, provider-specific types...).</summary>
    Other,
}
