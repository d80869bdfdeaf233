using System.Globalization;

namespace Partnerize.Client.Benchmarks.CommandLine;

/// <summary>
/// <c>--name value</c> pairs and <c>--flag</c> switches of one mode. Every option a mode reads has a default, and an
/// option it does not know is an error, so that a typo never silently runs the defaults.
/// </summary>
public sealed class Options
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private Options()
    {
    }

    /// <summary>Parses the arguments after the mode.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException">An argument is not an option.</exception>
    public static Options Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new Options();
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || args[i].Length < 3)
            {
                throw new ArgumentException($"Expected an option such as --rows; got '{args[i]}'.", nameof(args));
            }

            var name = args[i][2..];
            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            options._values[name] = hasValue ? args[++i] : null;
        }

        return options;
    }

    /// <summary>A whole-number option.</summary>
    /// <param name="name">The name without dashes.</param>
    /// <param name="defaultValue">Its value when absent.</param>
    /// <returns>The value.</returns>
    public int Int(string name, int defaultValue)
    {
        var text = Text(name, null);
        return text is null ? defaultValue : int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
    }

    /// <summary>A comma-separated list of whole numbers.</summary>
    /// <param name="name">The name without dashes.</param>
    /// <param name="defaultValue">Its value when absent.</param>
    /// <returns>The values.</returns>
    public IReadOnlyList<int> Ints(string name, IReadOnlyList<int> defaultValue)
    {
        var text = Text(name, null);
        return text is null
            ? defaultValue
            : text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(part => int.Parse(part, NumberStyles.Integer, CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>A text option.</summary>
    /// <param name="name">The name without dashes.</param>
    /// <param name="defaultValue">Its value when absent.</param>
    /// <returns>The value.</returns>
    public string? Text(string name, string? defaultValue)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var value) ? value ?? throw new ArgumentException($"--{name} needs a value.") : defaultValue;
    }

    /// <summary>A switch: present or not.</summary>
    /// <param name="name">The name without dashes.</param>
    /// <returns>Whether it was given.</returns>
    public bool Flag(string name)
    {
        _read.Add(name);
        return _values.ContainsKey(name);
    }

    /// <summary>Throws when an option was given that the mode never read.</summary>
    /// <exception cref="ArgumentException">An unknown option.</exception>
    public void ThrowOnUnknown()
    {
        var unknown = _values.Keys.Where(name => !_read.Contains(name)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown.Select(name => "--" + name))}.");
        }
    }
}
