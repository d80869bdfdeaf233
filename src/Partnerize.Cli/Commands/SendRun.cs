using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Partnerize.Cli.Input;
using Partnerize.Cli.Output;
using Partnerize.Client;
using Partnerize.Client.Conversions;
using Partnerize.Client.Mapping;
using Partnerize.Client.Testing;
using Partnerize.Client.Tracking;

namespace Partnerize.Cli.Commands;

/// <summary>One run of <c>partnerize send</c>: read, map, validate, send (or not, under --dry-run), report.</summary>
internal sealed class SendRun(CliConsole console, SendSettings settings)
{
    private const int ProblemsShown = 10;

    private readonly RunCounts _counts = new();
    private readonly List<RowOutcome> _problems = [];
    private JsonLinesOutput? _jsonLines;
    private ReportWriter? _report;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var mapping = await LoadMappingAsync(settings.MappingPath, cancellationToken).ConfigureAwait(false);
        var rows = await MappedInput.OpenAsync(settings.InputPath, settings.Input, mapping, console.Error, cancellationToken).ConfigureAwait(false);
        _jsonLines = settings.JsonLines ? new JsonLinesOutput(console.Out) : null;
        _report = settings.ReportPath is null ? null : ReportWriter.Create(settings.ReportPath);
        await using (_report)
        {
            Func<Task> run = settings.DryRun
                ? () => DryRunAsync(mapping, rows, cancellationToken)
                : () => SendAsync(mapping, rows, cancellationToken);

            try
            {
                if (settings.JsonLines)
                {
                    await run().ConfigureAwait(false);
                }
                else
                {
                    await ProgressDisplay.RunAsync(console, _counts, settings.DryRun, run).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Every row already read has its outcome; the summary still says what happened.
                _counts.Stop();
                await WriteSummaryAsync().ConfigureAwait(false);
                await console.Error.WriteLineAsync("Cancelled: no further rows were read or sent.").ConfigureAwait(false);
                return ExitCodes.Incomplete;
            }
        }

        _counts.Stop();
        await WriteSummaryAsync().ConfigureAwait(false);
        return _counts.AllSucceeded ? ExitCodes.Success : ExitCodes.Incomplete;
    }

    private async Task DryRunAsync(ConversionMapping mapping, IAsyncEnumerable<InputRow> rows, CancellationToken cancellationToken)
    {
        var validator = ConversionValidator.Default;
        TrackingUrlBuilder urls;
        try
        {
            urls = new TrackingUrlBuilder(settings.TrackingUrl ?? PartnerizeOptions.DefaultTrackingBaseAddress, settings.CampaignId);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--tracking-url / --campaign: {e.Message}", e);
        }

        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var draft = Map(mapping, row);
            var validation = validator.Validate(draft);
            RowOutcome outcome;
            if (!validation.IsValid)
            {
                outcome = Rejected(row, draft.ConversionRef, validation.Rejections);
            }
            else if (urls.TryBuild(validation.Conversion, out var url, out var rejection))
            {
                outcome = new RowOutcome { Row = row, Outcome = RowOutcome.WouldSend, ConversionRef = validation.Conversion.ConversionRef, Url = url };
            }
            else
            {
                outcome = Rejected(row, validation.Conversion.ConversionRef, [rejection]);
            }

            await RecordAsync(outcome).ConfigureAwait(false);
        }
    }

    private async Task SendAsync(ConversionMapping mapping, IAsyncEnumerable<InputRow> rows, CancellationToken cancellationToken)
    {
        FakePartnerizeServer? sandbox = null;
        if (settings.Sandbox)
        {
            sandbox = await SandboxPartnerize.StartAsync(cancellationToken).ConfigureAwait(false);
            await console.Error.WriteLineAsync($"Sandbox: sending to a fake Partnerize at {sandbox.BaseAddress} (nothing leaves this machine).").ConfigureAwait(false);
        }

        await using (sandbox)
        {
            var services = new ServiceCollection();
            services.AddPartnerize(options =>
            {
                options.TrackingBaseAddress = sandbox?.BaseAddress ?? settings.TrackingUrl ?? PartnerizeOptions.DefaultTrackingBaseAddress;
                options.CampaignId = settings.CampaignId;
                if (settings.Concurrency is { } concurrency)
                {
                    options.MaxConcurrency = concurrency;
                }
            });

            await using var provider = services.BuildServiceProvider();
            IConversionTracker tracker;
            try
            {
                tracker = provider.GetRequiredService<IConversionTracker>();
                _ = provider.GetRequiredService<IOptions<PartnerizeOptions>>().Value;
            }
            catch (OptionsValidationException e)
            {
                throw new UsageException(string.Join(" ", e.Failures), e);
            }

            // Results come back in input order, so the rows still waiting for theirs form a queue.
            var pending = new Queue<(InputRow Row, string? ConversionRef)>();
            var drafts = Drafts(mapping, rows, pending, cancellationToken);
            await foreach (var result in tracker.TrackManyAsync(drafts, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                (InputRow Row, string? ConversionRef) source;
                lock (pending)
                {
                    source = pending.Dequeue();
                }

                await RecordAsync(FromResult(source.Row, result)).ConfigureAwait(false);
            }
        }
    }

    private static async IAsyncEnumerable<ConversionDraft> Drafts(ConversionMapping mapping, IAsyncEnumerable<InputRow> rows, Queue<(InputRow, string?)> pending, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var draft = Map(mapping, row);
            lock (pending)
            {
                pending.Enqueue((row, draft.ConversionRef));
            }

            yield return draft;
        }
    }

    private static ConversionDraft Map(ConversionMapping mapping, InputRow row)
    {
        if (row.ReadError is not null && row.ReadErrorColumn is null)
        {
            return new ConversionDraft { MappingRejections = [new ConversionRejection(RejectionCodes.ValueUnreadable, row.ReadErrorField, row.ReadError)] };
        }

        var draft = row.Fields is not null ? mapping.Map(row.Fields) : mapping.Map(row.Json!.Value);

        // A value the file writes in a form the tool refuses (a thousands separator) rejects the row as a mapping
        // problem of its field: the row's other fields are still read, so the report says everything wrong with it.
        return row.ReadError is null
            ? draft
            : draft with { MappingRejections = [new ConversionRejection(RejectionCodes.ValueUnreadable, row.ReadErrorField, row.ReadError, Column: row.ReadErrorColumn), .. draft.MappingRejections ?? []] };
    }

    private static RowOutcome FromResult(InputRow row, ConversionResult result) => new()
    {
        Row = row,
        Outcome = result.Outcome switch
        {
            ConversionOutcome.Sent => RowOutcome.Sent,
            ConversionOutcome.Rejected => RowOutcome.Rejected,
            ConversionOutcome.Failed => RowOutcome.Failed,
            _ => RowOutcome.Cancelled,
        },
        ConversionRef = result.ConversionRef,
        Url = result.Url,
        Status = (int?)result.StatusCode,
        Attempts = result.Attempts,
        Errors = [.. result.Rejections.Select(r => new RowError(r.Code, r.Field, r.Message, r.Column))],
        Reason = result.FailureReason,
    };

    private static RowOutcome Rejected(InputRow row, string? conversionRef, IReadOnlyList<ConversionRejection> rejections) => new()
    {
        Row = row,
        Outcome = RowOutcome.Rejected,
        ConversionRef = string.IsNullOrWhiteSpace(conversionRef) ? null : conversionRef.Trim(),
        Errors = [.. rejections.Select(r => new RowError(r.Code, r.Field, r.Message, r.Column))],
    };

    private async Task RecordAsync(RowOutcome outcome)
    {
        _counts.Add(outcome);
        _jsonLines?.Write(outcome);
        if (!outcome.IsSuccess)
        {
            if (_problems.Count < ProblemsShown)
            {
                _problems.Add(outcome);
            }

            if (_report is not null)
            {
                await _report.WriteAsync(outcome).ConfigureAwait(false);
            }
        }
    }

    private async Task WriteSummaryAsync()
    {
        // Under --output jsonl standard output carries only the rows; the summary goes to standard error.
        var writer = settings.JsonLines ? console.Error : console.Out;
        if (!settings.JsonLines)
        {
            foreach (var problem in _problems)
            {
                var reference = problem.ConversionRef is null ? string.Empty : $" ({problem.ConversionRef})";
                await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"row {problem.Row.Number}{reference} {problem.Outcome}: {problem.Describe()}")).ConfigureAwait(false);
            }

            var more = _counts.Rejected + _counts.Failed + _counts.Cancelled - _problems.Count;
            if (more > 0)
            {
                await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"… and {more:N0} more (use --report FILE to get them all).")).ConfigureAwait(false);
            }
        }

        await writer.WriteLineAsync(_counts.Describe(settings.DryRun)).ConfigureAwait(false);
        if (_report is not null)
        {
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Report: {_report.RowsWritten:N0} rows written to {settings.ReportPath}.")).ConfigureAwait(false);
        }
    }

    private static async Task<ConversionMapping> LoadMappingAsync(string path, CancellationToken cancellationToken)
    {
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--mapping {path}: the file cannot be read ({e.Message}).", e);
        }

        try
        {
            return ConversionMapping.FromJson(json);
        }
        catch (ConversionMappingException e)
        {
            throw new UsageException($"--mapping {path}: {e.Message}", e);
        }
    }
}
