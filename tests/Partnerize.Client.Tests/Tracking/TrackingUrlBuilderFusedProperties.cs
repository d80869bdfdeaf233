using Partnerize.Client.Conversions;
using Partnerize.Client.Tracking;
using Partnerize.Client.Tracking.Internal;

namespace Partnerize.Client.Tests.Tracking;

// FsCheck supplies the arguments of [Property] methods; NUnit's analyzer only knows its own attributes.
#pragma warning disable NUnit1027

/// <summary>
/// The one-pass path (<see cref="TrackingUrlBuilder.TryBuild(ConversionBuilder, out string?, out IReadOnlyList{ConversionRejection})"/>)
/// against the model path it stands for (<see cref="ConversionBuilder.TryBuild"/>, then
/// <see cref="TrackingUrlBuilder.TryBuild(Conversion, out string?, out ConversionRejection?)"/>): for any builder, valid
/// or not, new or reused, the same URL character for character or the same rejections in the same order.
/// </summary>
public class TrackingUrlBuilderFusedProperties
{
    private static readonly Uri Prf = new("https://prf.hn/");

    [FsCheck.NUnit.Property(MaxTest = 1500, Arbitrary = new[] { typeof(BuilderRecipeGenerators) }, QuietOnSuccess = true)]
    public void TryBuild_AnyBuilder_SameUrlOrRejectionsAsTheModelPath(BuilderRecipe recipe)
    {
        var urls = new TrackingUrlBuilder(Prf, "10l176", recipe.MaxLength);
        var expected = ModelPath(urls, recipe.ApplyTo(new ConversionBuilder()));

        var fused = urls.TryBuild(recipe.ApplyTo(new ConversionBuilder()), out var url, out var rejections);

        Assert.That(Outcome(fused, url, rejections), Is.EqualTo(expected));
    }

    [FsCheck.NUnit.Property(MaxTest = 1000, Arbitrary = new[] { typeof(BuilderRecipeGenerators) }, QuietOnSuccess = true)]
    public void TryBuild_ClearedBuilder_SameAsANewBuilder(BuilderRecipe recipe)
    {
        var urls = new TrackingUrlBuilder(Prf, "10l176", recipe.MaxLength);
        var expected = ModelPath(urls, recipe.ApplyTo(new ConversionBuilder()));
        var reused = recipe.Reused();

        var fused = urls.TryBuild(reused, out var url, out var rejections);

        Assert.Multiple(() =>
        {
            Assert.That(Outcome(fused, url, rejections), Is.EqualTo(expected), "the one-pass path");
            Assert.That(ModelPath(urls, reused), Is.EqualTo(expected), "the model path");
            Assert.That(reused.ToDraft(), Is.EqualTo(recipe.ApplyTo(new ConversionBuilder()).ToDraft()).Using<ConversionDraft>(SameDraft), "the draft");
        });
    }

    [FsCheck.NUnit.Property(MaxTest = 1000, Arbitrary = new[] { typeof(BuilderRecipeGenerators) }, QuietOnSuccess = true)]
    public void TryBuild_DraftOfAnyBuilder_SameUrlOrRejectionsAsTheValidatorAndModel(BuilderRecipe recipe)
    {
        // The tracker's way in: a draft (as mapping makes them), validated and written without the model.
        var urls = new TrackingUrlBuilder(Prf, "10l176", recipe.MaxLength);
        var draft = recipe.ApplyTo(new ConversionBuilder()).ToDraft();
        var validation = ConversionValidator.Default.Validate(draft);
        string? expectedUrl = null;
        ConversionRejection? tooLong = null;
        var expected = validation.IsValid
            ? Outcome(urls.TryBuild(validation.Conversion, out expectedUrl, out tooLong), expectedUrl, tooLong is null ? [] : [tooLong])
            : Outcome(false, null, validation.Rejections);

        var fused = urls.TryBuild(draft, out var url, out var conversionRef, out var rejections);

        Assert.Multiple(() =>
        {
            Assert.That(Outcome(fused, url, rejections), Is.EqualTo(expected));
            Assert.That(conversionRef, Is.EqualTo(validation.Conversion?.ConversionRef ?? draft.ConversionRef?.Trim()));
        });
    }

    [FsCheck.NUnit.Property(MaxTest = 1000, Arbitrary = new[] { typeof(BuilderRecipeGenerators) }, QuietOnSuccess = true)]
    public void Validate_AnyBuilder_SameAsValidatingItsDraft(BuilderRecipe recipe)
    {
        // Typed items are kept without a draft: validation must not tell the difference.
        var urls = new TrackingUrlBuilder(Prf, "10l176", int.MaxValue);
        var builder = recipe.ApplyTo(new ConversionBuilder());

        var direct = builder.Validate();
        var viaDraft = ConversionValidator.Default.Validate(builder.ToDraft());

        Assert.Multiple(() =>
        {
            Assert.That(direct.Rejections.Select(Show), Is.EqualTo(viaDraft.Rejections.Select(Show)));
            Assert.That(direct.IsValid ? urls.Build(direct.Conversion) : null, Is.EqualTo(viaDraft.IsValid ? urls.Build(viaDraft.Conversion) : null));
        });
    }

    [FsCheck.NUnit.Property(MaxTest = 1000, Arbitrary = new[] { typeof(BuilderRecipeGenerators) }, QuietOnSuccess = true)]
    public void TryWrite_AnyBuilder_TakesEveryValidConversionItself(BuilderRecipe recipe)
    {
        // Without this the properties above could pass with the one-pass path handing everything to the validator.
        var builder = recipe.ApplyTo(new ConversionBuilder());
        var valid = builder.TryBuild(out _, out _);

        var writer = UrlWriter.OnThreadBuffer();
        bool written;
        try
        {
            written = ValidatingUrlWriter.TryWrite(ref writer, "prefix", builder.Fields());
        }
        finally
        {
            writer.Dispose();
        }

        Assert.That(written, Is.EqualTo(valid));
    }

    private static (bool Built, string? Url, string[] Rejections) ModelPath(TrackingUrlBuilder urls, ConversionBuilder builder)
    {
        if (!builder.TryBuild(out var conversion, out var rejections))
        {
            return Outcome(false, null, rejections);
        }

        var built = urls.TryBuild(conversion, out var url, out var rejection);
        return Outcome(built, url, rejection is null ? [] : [rejection]);
    }

    private static (bool Built, string? Url, string[] Rejections) Outcome(bool built, string? url, IReadOnlyList<ConversionRejection> rejections) =>
        (built, url, rejections.Select(Show).ToArray());

    private static string Show(ConversionRejection r) => $"{r.Code} | {r.Field} | {r.Message} | {r.ItemIndex} | {r.Column}";

    private static bool SameDraft(ConversionDraft a, ConversionDraft b) =>
        a with { Items = null, CustomParameters = null } == b with { Items = null, CustomParameters = null }
        && Same(a.Items, b.Items) && Same(a.CustomParameters, b.CustomParameters);

    private static bool Same<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b);
}
