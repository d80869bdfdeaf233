using Partnerize.Client.Campaigns.Internal;

namespace Partnerize.Client.Tests.Campaigns;

public class PartnerizeErrorBodyTests
{
    [TestCase("""{"error": {"message": "Unauthorized", "code": "401", "errors": [{"message": "Bad key", "type": "unauthorised", "code": "7"}]}}""", "401", "Unauthorized: Bad key")]
    [TestCase("""{"error": {"message": "Unauthorized", "code": 401, "errors": [{"message": "Unauthorized"}]}}""", "401", "Unauthorized")]
    [TestCase("""{"error": {"message": "Too Many Requests", "type": "429"}}""", "429", "Too Many Requests")]
    [TestCase("""{"error": {"errors": ["first", "second", "first"]}}""", null, "first; second")]
    [TestCase("""{"error": "Campaign not found"}""", null, "Campaign not found")]
    [TestCase("""{"message": "Gateway timeout", "code": "504"}""", "504", "Gateway timeout")]
    [TestCase("""{"error": {"message": "  ", "code": ""}}""", null, null)]
    [TestCase("""[1, 2]""", null, null)]
    [TestCase("<html>oops</html>", null, null)]
    [TestCase("""{"error": {"message": "cut off""", null, null)]
    [TestCase("", null, null)]
    [TestCase(null, null, null)]
    public void Parse_AnyBody_ReadsWhatIsThereAndNeverThrows(string? body, string? code, string? message)
    {
        var (parsedCode, parsedMessage) = PartnerizeErrorBody.Parse(body);

        Assert.Multiple(() =>
        {
            Assert.That(parsedCode, Is.EqualTo(code));
            Assert.That(parsedMessage, Is.EqualTo(message));
        });
    }
}
