using System.CommandLine;
using System.Text;
using Partnerize.Cli.Input;

namespace Partnerize.Cli.Commands;

/// <summary>
/// The options of every command that reads an input file (--delimiter, --encoding, --decimal-comma,
/// --strict-columns): add them to a command, then read them back as <see cref="InputOptions"/>.
/// </summary>
internal sealed class InputCommandOptions
{
    private readonly Option<char?> _delimiter = new("--delimiter")
    {
        Description = "The CSV delimiter: , ; tab or | (default: detected from the header line).",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            char? delimiter = text.ToLowerInvariant() switch
            {
                "," or "comma" => ',',
                ";" or "semicolon" => ';',
                "\t" or "\\t" or "tab" => '\t',
                "|" or "pipe" => '|',
                _ => null,
            };
            if (delimiter is null)
            {
                result.AddError($"--delimiter must be one of , ; tab | (or comma, semicolon, pipe); got '{text}'.");
            }

            return delimiter;
        },
    };

    private readonly Option<Encoding?> _encoding = new("--encoding")
    {
        Description = "The file's encoding when it has no byte order mark, e.g. windows-1252, iso-8859-1 (default UTF-8; UTF-16 is recognised by its byte order mark).",
        CustomParser = result =>
        {
            var name = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;

            // .NET Core knows only the Unicode encodings and Latin-1 by itself; the code pages (windows-1252...) come
            // from this provider, part of the shared framework.
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            try
            {
                return Encoding.GetEncoding(name);
            }
            catch (ArgumentException)
            {
                result.AddError($"--encoding: '{name}' is not an encoding this tool knows; use a name such as utf-8, utf-16, windows-1252 or iso-8859-1.");
                return null;
            }
        },
    };

    private readonly Option<bool> _decimalComma = new("--decimal-comma")
    {
        Description = "CSV number columns (item value and quantity) write decimals with a comma, as in 12,50. Never guessed.",
    };

    private readonly Option<bool> _strictColumns = new("--strict-columns")
    {
        Description = "Refuse a file that lacks any column the mapping names (by default only a required one is refused; an optional one is a warning).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_delimiter);
        command.Options.Add(_encoding);
        command.Options.Add(_decimalComma);
        command.Options.Add(_strictColumns);
    }

    public InputOptions Read(ParseResult parseResult) => new()
    {
        Delimiter = parseResult.GetValue(_delimiter),
        Encoding = parseResult.GetValue(_encoding),
        DecimalComma = parseResult.GetValue(_decimalComma),
        StrictColumns = parseResult.GetValue(_strictColumns),
    };
}
