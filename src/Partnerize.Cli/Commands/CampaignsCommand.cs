using System.CommandLine;
using System.Text.Json;
using Partnerize.Client.Campaigns;
using Partnerize.Client.Serialization;
using Spectre.Console;

namespace Partnerize.Cli.Commands;

/// <summary><c>partnerize campaigns list</c>: the campaigns the user can track conversions against.</summary>
internal static class CampaignsCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new ApiCommandOptions();
        var list = options.CreateCommand("list", "List the campaigns your user can track conversions against (every page).");
        list.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var session = await options.StartSessionAsync(parseResult, console, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<Campaign> campaigns;
            try
            {
                campaigns = await session.Campaigns.ListCampaignsAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PartnerizeApiException e)
            {
                await console.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
                return ExitCodes.Incomplete;
            }

            if (options.Json(parseResult))
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(campaigns, PartnerizeJsonContext.Default.IReadOnlyListCampaign)).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            WriteTable(console, campaigns);
            return ExitCodes.Success;
        });

        return new Command("campaigns", "Work with your Partnerize campaigns.") { list };
    }

    private static void WriteTable(CliConsole console, IReadOnlyList<Campaign> campaigns)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Out),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        ansi.Profile.Width = 160;
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("Campaign ID", "Title", "Status", "Currency", "Test mode", "Unique refs");
        foreach (var campaign in campaigns)
        {
            table.AddRow(
                Markup.Escape(campaign.CampaignId),
                Markup.Escape(campaign.Title ?? string.Empty),
                Markup.Escape(campaign.Status.DisplayName),
                Markup.Escape(campaign.DefaultCurrency ?? string.Empty),
                campaign.TestMode switch { true => "yes", false => "no", null => string.Empty },
                Markup.Escape(campaign.UniqueConversionRefs ?? string.Empty));
        }

        ansi.Write(table);
        ansi.WriteLine($"{campaigns.Count} campaign{(campaigns.Count == 1 ? string.Empty : "s")}.");
    }
}
