using Partnerize.Client.Conversions;

namespace Partnerize.Client.Tests.Conversions;

/// <summary>
/// Compares rejections by what the contract fixes (code, field, message, item index), so that fields added to
/// <see cref="ConversionRejection"/> later (such as the source column) do not change what these tests check.
/// </summary>
internal static class Rejections
{
    public static (string Code, string Field, string Message, int? ItemIndex)[] Shape(this IEnumerable<ConversionRejection> rejections) =>
        rejections.Select(r => (r.Code, r.Field, r.Message, r.ItemIndex)).ToArray();

    public static (string Code, string Field, string Message, int? ItemIndex) Expect(string code, string field, string message, int? itemIndex = null) =>
        (code, field, message, itemIndex);
}
