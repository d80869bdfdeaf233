using System.CommandLine;

namespace Partnerize.Cli.Commands;

/// <summary><c>partnerize send</c>: map, validate and send the rows of a file.</summary>
internal static class SendCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Option<FileInfo>("--input", "-i") { Description = "The rows: .csv (with a header row), .jsonl (one object a line) or .json (an array of objects).", Required = true };
        var mapping = new Option<FileInfo>("--mapping", "-m") { Description = "The field mapping, a JSON file (see docs/mapping.md).", Required = true };
        var campaign = new Option<string>("--campaign", "-c") { Description = "The Partnerize campaign ID every conversion is tracked against.", Required = true };
        var concurrency = new Option<int?>("--concurrency") { Description = "The most requests in flight at once (default 16)." };
        var report = new Option<FileInfo?>("--report") { Description = "Write every rejected or failed row, with its reasons, to this .csv or .jsonl file, ready to fix and replay." };
        var trackingUrl = CommonOptions.AddressOption("--tracking-url", "Another tracking host, e.g. your brand's subdomain (default https://prf.hn/).");
        var dryRun = new Option<bool>("--dry-run") { Description = "Map and validate every row and build its URL; send nothing. Needs no keys." };
        var sandbox = CommonOptions.Sandbox();
        var output = new Option<string>("--output", "-o") { Description = "human (default): progress and a summary; jsonl: one JSON object per row on standard output.", DefaultValueFactory = _ => "human" };
        output.AcceptOnlyFromAmong("human", "jsonl");
        concurrency.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > 1024)
            {
                result.AddError($"--concurrency must be between 1 and 1024; got {result.GetValueOrDefault<int?>()}.");
            }
        });

        var command = new Command("send", "Send the conversions of a CSV or JSON file to Partnerize (backfills and replays).")
        {
            input, mapping, campaign, concurrency, report, trackingUrl, dryRun, sandbox, output,
        };
        var inputOptions = new InputCommandOptions();
        inputOptions.AddTo(command);

        command.SetAction((parseResult, cancellationToken) => new SendRun(console, new SendSettings(
            parseResult.GetRequiredValue(input).FullName,
            parseResult.GetRequiredValue(mapping).FullName,
            parseResult.GetRequiredValue(campaign),
            parseResult.GetValue(concurrency),
            parseResult.GetValue(report)?.FullName,
            parseResult.GetValue(trackingUrl),
            parseResult.GetValue(dryRun),
            parseResult.GetValue(sandbox),
            parseResult.GetValue(output) == "jsonl") { Input = inputOptions.Read(parseResult) }).RunAsync(cancellationToken));
        return command;
    }
}
