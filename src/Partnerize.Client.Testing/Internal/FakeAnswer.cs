namespace Partnerize.Client.Testing.Internal;

/// <summary>What the fake decided to answer, independent of the transport that carries it.</summary>
internal sealed record FakeAnswer(int StatusCode, string Body, string ContentType, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public const string Text = "text/plain";
    public const string Json = "application/json";

    public static readonly FakeAnswer Dropped = new(0, string.Empty, Text, []) { DropConnection = true };

    public bool DropConnection { get; init; }
}
