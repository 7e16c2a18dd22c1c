using System.Globalization;
using System.Text;

namespace Safeguarding.Bench.MeasuresImport;

/// <summary>
/// Writes a large file in the layout of DfE's children-in-need c1 release (the shipped mapping reads it
/// as is) straight to disk, row by row: reporting years for synthetic local authorities. Deterministic:
/// about 2% of cells carry c/x/low codes and 0.1% of rows have an unreadable count, so the reporting paths
/// are exercised as well as the happy path.
/// </summary>
internal static class EesFileGenerator
{
    public const string Header = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,referral_count,rereferral_count,rereferral_percent,no_further_action_count,no_further_action_percent,not_in_need_count,not_in_need_percent,referral_child_count,rereferral_child_count,rereferral_child_percent";

    private const int FirstYear = 1950;
    private const int Years = 250; // up to 2199: within the periods the domain accepts

    /// <summary>The organisation codes a file of <paramref name="rows"/> rows uses (the service must know them).</summary>
    public static IReadOnlyList<string> Organisations(long rows) =>
        [.. Enumerable.Range(1, (int)Math.Max(1, (rows + Years - 1) / Years)).Select(Code)];

    public static async Task<long> WriteAsync(string path, long rows)
    {
        var organisations = Organisations(rows).Count;
        var random = new Random(20250601);
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 20);
        await writer.WriteAsync(Header + "\r\n");
        var line = new StringBuilder(256);
        for (long i = 0; i < rows; i++)
        {
            var organisation = (int)(i % organisations) + 1;
            var year = FirstYear + (int)(i / organisations);
            line.Clear();
            AppendRow(line, random, year, organisation);
            await writer.WriteAsync(line);
        }

        await writer.FlushAsync();
        return new FileInfo(path).Length;
    }

    private static string Code(int organisation) => $"B{organisation:D8}";

    private static void AppendRow(StringBuilder line, Random random, int year, int organisation)
    {
        var referrals = random.Next(200, 4000);
        var rereferrals = random.Next(0, referrals / 4);
        var nfa = random.Next(0, referrals / 10);
        var notInNeed = random.Next(0, referrals / 3);
        var children = referrals - random.Next(0, referrals / 10);
        var childRereferrals = Math.Min(children, random.Next(0, children / 4));
        line.Append(year).Append(",Reporting year,Local authority,E92000001,England,E12000007,London,")
            .Append(organisation).Append(',').Append(Code(organisation)).Append(",\"Borough ").Append(organisation).Append(", synthetic\",Referrals and Re-referrals,");
        AppendPair(line, random, referrals, rereferrals);
        line.Append(',');
        AppendCount(line, random, nfa).Append(',').Append(Percent(nfa, referrals)).Append(',');
        AppendCount(line, random, notInNeed).Append(',').Append(Percent(notInNeed, referrals)).Append(',');
        line.Append(children).Append(',').Append(childRereferrals).Append(',').Append(Percent(childRereferrals, children)).Append("\r\n");
    }

    private static void AppendPair(StringBuilder line, Random random, int referrals, int rereferrals)
    {
        if (random.NextDouble() < 0.001)
        {
            line.Append(referrals).Append(",n/k,x");
            return;
        }

        line.Append(referrals).Append(',');
        AppendCount(line, random, rereferrals).Append(',').Append(Percent(rereferrals, referrals));
    }

    private static StringBuilder AppendCount(StringBuilder line, Random random, int value) => random.NextDouble() switch
    {
        < 0.01 => line.Append('c'),
        < 0.015 => line.Append('x'),
        < 0.02 => line.Append("low"),
        _ => line.Append(value),
    };

    private static string Percent(int numerator, int denominator) =>
        Math.Round(numerator * 100m / denominator, 1, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);
}
