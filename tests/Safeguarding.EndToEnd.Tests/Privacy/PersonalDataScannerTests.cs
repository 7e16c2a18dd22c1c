using System.Diagnostics;
using System.Globalization;

namespace Safeguarding.EndToEnd.Tests.Privacy;

/// <summary>The scanner finds each kind of identifier, and stays quiet on ordinary telemetry.</summary>
public sealed class PersonalDataScannerTests
{
    private static readonly PersonalDataScanner Scanner = new(["Alfie Canaryson"]);

    [Theory]
    [InlineData("contact jane.doe@example.org today")]
    [InlineData("<a.b+c_d@mail.example.co.uk>")]
    [InlineData("MUM@EXAMPLE.COM")]
    public void Finds_email_addresses(string text) => AssertFinds(PersonalDataKind.Email, text);

    [Theory]
    [InlineData("call 020 7946 0018 after school")]
    [InlineData("mobile 07700 900123")]
    [InlineData("07700900123")]
    [InlineData("+44 7700 900123")]
    [InlineData("+447700900123")]
    [InlineData("(020) 7946 0018")]
    [InlineData("+44 (0)20 7946 0018")]
    [InlineData("01632 960001")]
    [InlineData("0117 496 0123")]
    [InlineData("0044 117 496 0123")]
    [InlineData("0161-496-0000")]
    public void Finds_uk_phone_numbers(string text) => AssertFinds(PersonalDataKind.UkPhoneNumber, text);

    [Theory]
    [InlineData("NHS number 943 476 5919")]
    [InlineData("nhs:9434765919.")]
    [InlineData("943-476-5919")]
    [InlineData("(401 023 2137)")]
    public void Finds_nhs_numbers_that_pass_the_modulus_11_check(string text) => AssertFinds(PersonalDataKind.NhsNumber, text);

    [Fact]
    public void Ten_digits_that_fail_the_check_are_not_nhs_numbers()
    {
        Assert.True(PersonalDataScanner.IsNhsNumber("9434765919"));
        Assert.False(PersonalDataScanner.IsNhsNumber("9434765918"));
        Assert.DoesNotContain(Scanner.Scan("943 476 5918"), f => f.Kind == PersonalDataKind.NhsNumber);

        // Every valid number is found, spaced or not; about one ten-digit run in eleven passes by chance.
        var random = new Random(7);
        var found = 0;
        for (var i = 0; i < 500; i++)
        {
            var digits = string.Concat(Enumerable.Range(0, 10).Select(_ => random.Next(10).ToString(CultureInfo.InvariantCulture)));
            var valid = PersonalDataScanner.IsNhsNumber(digits);
            var spaced = $"{digits[..3]} {digits[3..6]} {digits[6..]}";
            Assert.Equal(valid, Scanner.Scan("NHS " + spaced).Any(f => f.Kind == PersonalDataKind.NhsNumber));
            Assert.Equal(valid, Scanner.Scan("id=" + digits + ";").Any(f => f.Kind == PersonalDataKind.NhsNumber));
            found += valid ? 1 : 0;
        }

        Assert.InRange(found, 20, 90);
    }

    [Fact]
    public void Finds_upns_with_their_check_letter_and_in_the_temporary_form()
    {
        const string digits = "201401100001";
        var check = PersonalDataScanner.UpnCheckLetter(digits);
        Assert.Contains(check, "ABCDEFGHJKLMNPQRTUVWXYZ");
        AssertFinds(PersonalDataKind.Upn, $"UPN {check}{digits} in year 7");
        AssertFinds(PersonalDataKind.Upn, $"upn={char.ToLowerInvariant(check)}{digits}");
        AssertFinds(PersonalDataKind.Upn, "temporary A20140110000B");
        Assert.DoesNotContain(Scanner.Scan($"I{digits}"), f => f.Kind == PersonalDataKind.Upn); // I, O and S are never check letters
    }

    [Theory]
    [InlineData("NI AB123456C")]
    [InlineData("ni: ab 12 34 56 c")]
    [InlineData("NE 12 34 56 A")]
    public void Finds_national_insurance_numbers(string text) => AssertFinds(PersonalDataKind.NationalInsuranceNumber, text);

    [Theory]
    [InlineData("lives at SW1A 1AA")]
    [InlineData("M1 1AE")]
    [InlineData("EC1A 1BB,")]
    [InlineData("B33 8TH")]
    [InlineData("(CR2 6XH)")]
    [InlineData("DN55 1PT")]
    [InlineData("N19GU")]
    public void Finds_uk_postcodes(string text) => AssertFinds(PersonalDataKind.Postcode, text);

    [Theory]
    [InlineData("born 03/04/2015")]
    [InlineData("DOB: 2015-04-03")]
    [InlineData("date of birth 3 April 2015")]
    [InlineData("D.O.B. 03.04.15")]
    [InlineData("Born on 3rd April 2015")]
    [InlineData("was born in March 12, 2016")]
    [InlineData("birthday is 12-11-2014")]
    public void Finds_dates_of_birth_beside_the_words_that_introduce_them(string text) => AssertFinds(PersonalDataKind.DateOfBirth, text);

    [Fact]
    public void Dates_without_a_birth_word_are_ordinary()
    {
        AssertClean("period starting 03/04/2015, recorded 2015-04-03, 3 April 2015");
    }

    [Fact]
    public void Finds_planted_canaries_whatever_their_case()
    {
        var findings = Scanner.Scan("note: alfie canaryson was seen; ALFIE CANARYSON again");
        Assert.Equal(2, findings.Count(f => f.Kind == PersonalDataKind.Canary));
        Assert.Empty(new PersonalDataScanner().Scan("alfie canaryson"));
    }

    [Fact]
    public void Finds_every_kind_in_one_careless_log_line()
    {
        var line = "Referral for Alfie Canaryson (DOB 03/04/2015, NHS 943 476 5919, UPN A201401100001) at SW1A 1AA, "
            + "mum jane.doe@example.org 07700 900123, NI AB123456C";
        var kinds = Scanner.Scan(line, "log").Select(f => f.Kind).ToHashSet();
        Assert.Equal(Enum.GetValues<PersonalDataKind>().ToHashSet(), kinds);
    }

    [Theory]
    [InlineData("4bf92f3577b34da6a3ce929d0e0e4736")]
    [InlineData("traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")]
    [InlineData("SpanId:00f067aa0ba902b7, TraceId:0af7651916cd43dd8448eb211c80319c, ParentId:0000000000000000")]
    [InlineData("2025-04-01T10:15:30.1234567Z 2025-04-01T10:15:30+01:00 2025-04-01 10:15:30Z")]
    [InlineData("measure cp-cin-planning-measure-18 and cin.rereferrals_within_12_months v2")]
    [InlineData("E09000007 E12000007 E92000001 E10000002 W06000015 S12000033")]
    [InlineData("periods 2025-04/P12M 2024-01/P1M 2023-10/P3M 2025-26 financial year, April 2024")]
    [InlineData("Now listening on: http://127.0.0.1:43567 and http://[::1]:5001, localhost:8080, 0.0.0.0:5000")]
    [InlineData("Request finished HTTP/2 POST http://127.0.0.1:41235/safeguarding.measures.v1.MeasuresService/RecordObservation - 200 - application/grpc 12.3456ms")]
    [InlineData("Executed DbCommand (3ms) [Parameters=[@p0='?' (DbType = String), @p1='?' (DbType = Int64)], CommandType='Text', CommandTimeout='30']")]
    [InlineData("rpc.system=grpc rpc.grpc.status_code=0 server.port=5001 network.protocol.version=2 http.response.status_code=200")]
    [InlineData("user north-csc-analyst at north-csc: 163 rows, 00:00:01.5000000, version 1.0.0.0, W3C, HTTP/2")]
    [InlineData("Import 0195f0a2-7b3c-7d4e-8f90-123456789abc finished: 120 rows (3 rejected), 1735689600123 ticks")]
    public void Ordinary_telemetry_is_not_flagged(string text) => AssertClean(text);

    [Fact]
    public void Random_trace_ids_span_ids_and_guids_are_not_flagged()
    {
        var random = new Random(42);
        var bytes = new byte[16];
        for (var i = 0; i < 2000; i++)
        {
            random.NextBytes(bytes);
            var guid = new Guid(bytes);
            var trace = ActivityTraceId.CreateFromBytes(bytes);
            var span = ActivitySpanId.CreateFromBytes(bytes.AsSpan(0, 8));
            AssertClean($"{guid:D} {guid:N} {guid:B} 00-{trace.ToHexString()}-{span.ToHexString()}-01 TraceId:{trace.ToHexString()} SpanId:{span.ToHexString()}");
        }
    }

    [Fact]
    public void Random_timestamps_and_ports_are_not_flagged()
    {
        var random = new Random(11);
        var start = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 2000; i++)
        {
            var time = start.AddTicks((long)(random.NextDouble() * TimeSpan.FromDays(3650).Ticks));
            var port = random.Next(1024, 65536);
            AssertClean($"{time:O} {time.UtcDateTime:O} {time:yyyy-MM-dd HH:mm:ss.fff} http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/ :{port.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static void AssertFinds(PersonalDataKind kind, string text)
    {
        var findings = Scanner.Scan(text);
        Assert.True(findings.Any(f => f.Kind == kind), $"Expected {kind} in \"{text}\"; found: {string.Join("; ", findings)}");
    }

    private static void AssertClean(string text)
    {
        var findings = Scanner.Scan(text);
        Assert.True(findings.Count == 0, $"Expected nothing in \"{text}\"; found: {string.Join("; ", findings)}");
    }
}
